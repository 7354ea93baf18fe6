using Grpc.Net.Client;

namespace Coordination.Cli;

/// <summary>Where each service answers (COORD_INTAKE …, default 127.0.0.1:5101 …), and the last one called, for errors.</summary>
public static class Endpoints
{
    public static readonly IReadOnlyDictionary<string, (string Variable, int Port)> Services = new Dictionary<string, (string, int)>
    {
        ["intake"] = ("COORD_INTAKE", 5101), ["assignment"] = ("COORD_ASSIGNMENT", 5102), ["legal-diversion"] = ("COORD_LEGAL", 5103),
        ["joint-meeting"] = ("COORD_JOINT_MEETING", 5104), ["reporting"] = ("COORD_REPORTING", 5105), ["directory"] = ("COORD_DIRECTORY_GRPC", 5106),
    };

    /// <summary>The address of the last channel opened: named when a call fails.</summary>
    public static string? LastAddress { get; private set; }

    public static string AddressOf(string service) =>
        Services.TryGetValue(service, out var s)
            ? Environment.GetEnvironmentVariable(s.Variable) is { Length: > 0 } configured ? configured : $"http://127.0.0.1:{s.Port}"
            : throw new UsageException($"unknown service '{service}': {string.Join(", ", Services.Keys)}");

    public static GrpcChannel Channel(string service)
    {
        var address = AddressOf(service);
        LastAddress = address;
        try
        {
            return GrpcChannel.ForAddress(address);
        }
        catch (UriFormatException)
        {
            throw new UsageException($"{Services[service].Variable}='{address}' is not an address (http://host:port)");
        }
    }
}
