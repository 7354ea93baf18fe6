using Coordination.Intake.Domain;
using System.Collections.Concurrent;
using System.Diagnostics;
using Coordination.Grpc.Intake;
using Grpc.Core;
using Grpc.Net.Client;

namespace Coordination.Bench;

/// <param name="SentAt">When it was sent; with --rate, when it was due to be sent (a late send counts against the system).</param>
/// <param name="Repeat">Linked to an earlier case instead of opening one (the bench's people should never be repeats).</param>
/// <param name="LeadIn">One of the lead-in's registrations (an open loop's first seconds, reported apart).</param>
public sealed record Sent(Guid CaseId, DateTimeOffset SentAt, double CallMilliseconds, bool Repeat, bool LeadIn = false);

/// <summary>
/// Registers petitions by distinct new people (each a first petition, routed by the catalogue) at a fixed concurrency,
/// round-robin over districts; with --rate, no faster than that many a second (the n-th is not sent before start + n/rate),
/// and its latency counts from start + n/rate: a send the load generator itself delayed is not measured from when it went
/// out (which would leave the delay out, the "coordinated omission" of a closed loop).
/// </summary>
public sealed class RegistrationLoad(BenchOptions options, string clerkToken)
{
    /// <summary>Nanjing's districts: a city bureau's load spreads over them (the routing catalogue sends housing to the city's bureau).</summary>
    public static readonly string[] NanjingDistricts = ["320102", "320104", "320105", "320106", "320111", "320113", "320114", "320115", "320116", "320117", "320118"];
    private readonly GrpcChannel _channel = GrpcChannel.ForAddress(options.IntakeAddress);
    private readonly Metadata _clerk = new() { { "Authorization", "Bearer " + clerkToken } };
    private int _sequence;

    /// <summary>Told each registered case as its reply comes (the mixed mode's bureau reads them).</summary>
    public Action<Guid>? Registered { get; set; }

    /// <param name="leadIn">Registrations sent first, at the same rate and without a pause, and marked <see cref="Sent.LeadIn"/>.</param>
    public async Task<List<Sent>> RunAsync(int count, CancellationToken ct, int leadIn = 0)
    {
        count += leadIn;
        var client = new IntakeService.IntakeServiceClient(_channel);
        var results = new ConcurrentBag<Sent>();
        var next = -1;
        var origin = DateTimeOffset.UtcNow;
        var start = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(async _ =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < count)
            {
                var due = TimeSpan.FromSeconds(options.Rate > 0 ? n / options.Rate : 0);
                if (options.Rate > 0 && due - start.Elapsed is { Ticks: > 0 } wait)
                    await Task.Delay(wait, ct);
                var k = Interlocked.Increment(ref _sequence);
                var request = Request(k, NanjingDistricts[k % options.Regions], IdNumber(k));
                var sentAt = options.Rate > 0 ? origin + due : DateTimeOffset.UtcNow;
                var watch = Stopwatch.StartNew();
                var reply = await client.RegisterPetitionAsync(request, _clerk, cancellationToken: ct);
                var callMs = options.Rate > 0 ? (start.Elapsed - due).TotalMilliseconds : watch.Elapsed.TotalMilliseconds;
                results.Add(new Sent(Guid.Parse(reply.CaseId), sentAt, callMs, reply.Outcome == Outcome.Repeat, n < leadIn));
                Registered?.Invoke(Guid.Parse(reply.CaseId));
            }
        }));
        return [.. results];
    }

    /// <summary>The n-th registration of a run: a visit about housing in a region, by one person (CallFloor sends one too).</summary>
    public static RegisterPetitionRequest Request(int n, string region, string idNumber) => new()
    {
        RequestId = Guid.NewGuid().ToString("N"), Channel = Channel.Visit, RegionCode = region, Category = Category.Grievance, Topic = "housing",
        Summary = $"拆迁补偿款未按协议支付 第{n}号地块，要求按协议足额补偿 (bench {n})",
        Petitioners = { new Petitioner { Name = "张三", IdNumber = idNumber, Phone = "13800000000" } },
    };

    /// <summary>
    /// A distinct person per registration of this run (random identities would sometimes meet and be linked as repeats),
    /// and people of this run only: an address code of its own (320000–329999) as well as a random start, so that a run
    /// against a database filled by earlier runs does not meet their people and register repeats (which open no case
    /// and cost Assignment nothing: one such run measured 617 "cases"/s that were nearly all repeats).
    /// </summary>
    private readonly int _people = Random.Shared.Next(0, 25_000_000 - 1_000_000);
    private readonly string _addressCode = "32" + Random.Shared.Next(0, 10_000).ToString("D4");

    private string IdNumber(int n)
    {
        var person = _people + n; // birth day and sequence number from one counter: distinct for a million registrations
        var body = _addressCode + new DateOnly(1950, 1, 1).AddDays(person / 1000 % 25000).ToString("yyyyMMdd") + (person % 1000).ToString("D3");
        return body + IdentityNumbers.CheckCharacter(body);
    }
}
