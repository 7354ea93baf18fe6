using System.Text;

namespace Coordination.Cli;

/// <summary>A password from the terminal without echo, or from standard input when a script pipes it in.</summary>
public static class PasswordPrompt
{
    public static string Read(string user)
    {
        // Piped: read one line, so that `echo "$PW" | coord login --user x` works and the password is not in argv or ps.
        if (Console.IsInputRedirected)
            return Console.In.ReadLine() ?? throw new UsageException("no password on standard input");
        Console.Error.Write($"password for {user}: ");
        var password = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace) { if (password.Length > 0) password.Length--; continue; }
            if (!char.IsControl(key.KeyChar)) password.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return password.ToString();
    }
}
