namespace Coordination.Cli;

/// <summary>
/// `coord completion bash`: a script that asks coord itself what may come next (System.CommandLine's [suggest] directive),
/// so commands, options and an option's values (enums, services) complete as the parser knows them.
/// </summary>
public static class Completion
{
    public const string Bash = """
        # coord: bash completion. Load with: source <(coord completion bash)   (or tools/coord completion bash)
        _coord_complete() {
            local line="${COMP_LINE}" point="${COMP_POINT}"
            local IFS=$'\n'
            COMPREPLY=( $(compgen -W "$("${COMP_WORDS[0]}" "[suggest:${point}]" "${line}" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}") )
        }
        complete -o default -F _coord_complete coord
        """;
}
