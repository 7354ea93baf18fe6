using System.Diagnostics;
using Coordination.Grpc.Intake;
using Grpc.Core;
using Grpc.Net.Client;

namespace Coordination.Bench;

/// <summary>
/// What one RegisterPetition call costs the box before any database work: the bench's own registration, whole and
/// valid but for a region outside the clerk's jurisdiction (Wuxi's 320205), so that Intake reads the token, parses and
/// validates every field and refuses it (PermissionDenied) just before the registration would begin. Kestrel, HTTP/2,
/// the token's check, the interceptors, protobuf and the client's side, at the same calls in flight as the rounds. The
/// baseline's case has no call at all (its five steps are commits and messages); a case cannot cost less than the
/// baseline's case plus this. An upper bound of the call's own share: the refusal adds one exception.
/// </summary>
public static class CallFloor
{
    public const string OutsideJurisdiction = "320205";

    public static async Task RunAsync(BenchOptions options, string clerkToken, Baseline? stack, int calls)
    {
        using var channel = GrpcChannel.ForAddress(options.IntakeAddress);
        var client = new IntakeService.IntakeServiceClient(channel);
        var clerk = new Metadata { { "Authorization", "Bearer " + clerkToken } };
        const string person = "32020519500101001"; // a Wuxi identity, valid, never registered (refused before)
        var request = RegistrationLoad.Request(0, OutsideJurisdiction, person + Coordination.Intake.Domain.IdentityNumbers.CheckCharacter(person));
        async Task SendAsync(int count)
        {
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(async _ =>
            {
                while (Interlocked.Increment(ref next) < count)
                {
                    try
                    {
                        await client.RegisterPetitionAsync(request, clerk);
                        throw new InvalidOperationException($"Intake registered a petition of {OutsideJurisdiction} for clerk {options.User}: the call floor needs a refusal");
                    }
                    catch (RpcException ex) when (ex.StatusCode == StatusCode.PermissionDenied)
                    {
                    }
                }
            }));
        }
        await SendAsync(Math.Min(calls, 2000)); // warm: the refusal's path compiled, the connection open
        var before = ServiceCpu.Read();
        var clock = Stopwatch.StartNew();
        await SendAsync(calls);
        var seconds = clock.Elapsed.TotalSeconds;
        var after = ServiceCpu.Read();
        double Ms(string group) => ServiceCpu.MsPerUnit(before, after, group, calls);
        var box = Ms(ServiceCpu.Box);
        Console.WriteLine($"bench: call floor: {calls} RegisterPetition calls refused after validation (PermissionDenied, no database work) " +
            $"at {options.Concurrency} in flight: {calls / seconds:F0} calls/s, box CPU {box:F3} ms a call (Intake {Ms("Intake"):F3}, " +
            $"load generator {Ms(ServiceCpu.LoadGenerator):F3}, the rest {box - Ms("Intake") - Ms(ServiceCpu.LoadGenerator):F3})");
        if (stack is not null)
            Console.WriteLine($"bench: call floor: the baseline's case ({stack.CaseCpuMs:F2} ms) plus this call: {stack.CaseCpuMs + box:F2} ms a case, " +
                $"a ceiling of {Environment.ProcessorCount * 1000 / (stack.CaseCpuMs + box):F0} cases/s on {Environment.ProcessorCount} cores");
    }
}
