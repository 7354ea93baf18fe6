namespace Coordination.Intake.Domain;

/// <summary>A registered petition (信访件). Intake is its only owner.</summary>
public sealed class Petition
{
    public Guid Id { get; init; }
    /// <summary>Its own number; for a repeat, the number of the case it was linked to.</summary>
    public required string CaseNumber { get; init; }
    /// <summary>The client's idempotency key, unique per receiving unit.</summary>
    public string? RequestId { get; init; }
    public required string Channel { get; init; }
    public required string RegionCode { get; init; }
    public required string Category { get; init; }
    public required string Topic { get; init; }
    public required string Summary { get; init; }
    /// <summary>The summary normalised for matching repeats (MatterText).</summary>
    public required string MatterText { get; init; }
    public bool LawRelated { get; init; }
    public bool ToBeijing { get; init; }
    public bool SkipLevel { get; init; }
    public bool LeaderInstructed { get; init; }
    public bool LongStandingPetitioner { get; init; }
    public int GroupSize { get; init; }
    public bool Collective { get; init; }
    public string? AccusedUnit { get; init; }
    public Guid? ReceptionDayId { get; init; }
    public List<string> OtherRegionCodes { get; init; } = [];
    public List<PetitionerRecord> Petitioners { get; init; } = [];
    public List<AttachmentRecord> Attachments { get; init; } = [];
    public DateTimeOffset ReceivedAt { get; init; }
    public DateTimeOffset RegisteredAt { get; init; }
    /// <summary>The first receiver (首问负责, §2): answerable until the case ends.</summary>
    public required string ReceivingUnit { get; init; }
    /// <summary>1 province, 2 city, 3 county: the level the petition was raised at.</summary>
    public int ReceivingLevel { get; init; }
    public required string Clerk { get; init; }
    public required string Outcome { get; init; }
    public required string Status { get; set; }
    /// <summary>Repeat: the case it was linked to. Not accepted: the case pending below.</summary>
    public Guid? EarlierCaseId { get; init; }
    /// <summary>How the earlier case matched (repeat and skip-level decisions are explainable).</summary>
    public double? MatchSimilarity { get; init; }
    public string? MatchExplanation { get; init; }
    public string? NotAcceptedReason { get; init; }
    public string? Notice { get; init; }
    /// <summary>What the petitioner uses to read the status; unique.</summary>
    public required string QueryCode { get; init; }
    /// <summary>The second factor when no petitioner gave a phone (SecondFactors); null otherwise.</summary>
    public string? QueryPin { get; init; }
    /// <summary>
    /// The trace it was registered in (W3C traceparent), kept so that every later call on the case links to it
    /// (ServiceDefaults/Telemetry/CaseTraceLinks); null for rows from before it was kept.
    /// </summary>
    public string? TraceParent { get; set; }

    /// <summary>Units the case was handed to, as Assignment reported (CaseAssigned).</summary>
    public List<string> AssignedUnits { get; init; } = [];

    /// <summary>
    /// The registration as decided: its own number, or for a repeat the earlier case's; a skip-level petition is
    /// flagged as such whatever the clerk said.
    /// </summary>
    public static Petition Register(Guid id, NewPetition input, IReadOnlyList<PetitionerRecord> petitioners, string caseNumber,
        Receiver receiver, RegistrationDecision decision, DateTimeOffset registeredAt) => new()
    {
        Id = id,
        CaseNumber = caseNumber,
        RequestId = input.RequestId,
        Channel = input.Channel,
        RegionCode = input.RegionCode,
        Category = input.Category,
        Topic = input.Topic,
        Summary = input.Summary,
        MatterText = Domain.MatterText.Normalize(input.Summary),
        LawRelated = input.LawRelated,
        ToBeijing = input.ToBeijing,
        SkipLevel = input.SkipLevel || decision.Kind == RegistrationKind.SkipLevel,
        LeaderInstructed = input.LeaderInstructed,
        LongStandingPetitioner = input.LongStandingPetitioner,
        GroupSize = input.GroupSize,
        Collective = input.Collective,
        AccusedUnit = input.AccusedUnit,
        ReceptionDayId = input.ReceptionDayId,
        OtherRegionCodes = [.. input.OtherRegionCodes],
        Petitioners = [.. petitioners],
        Attachments = [.. input.Attachments],
        ReceivedAt = input.ReceivedAt,
        RegisteredAt = registeredAt,
        ReceivingUnit = receiver.Unit,
        ReceivingLevel = receiver.Level,
        Clerk = receiver.Clerk,
        Outcome = decision.Outcome,
        Status = decision.Status,
        EarlierCaseId = decision.Match?.Earlier.CaseId,
        MatchSimilarity = decision.Match?.Similarity,
        MatchExplanation = decision.Match?.Explanation,
        NotAcceptedReason = decision.NotAcceptedReason,
        Notice = decision.Notice,
        QueryCode = QueryCodes.New(),
        QueryPin = SecondFactors.PinFor(petitioners),
    };

    /// <summary>Guarded: only forward (registered → assigned → acknowledged); a late or repeated event changes nothing.</summary>
    public void RecordAssignment(string unit)
    {
        if (!AssignedUnits.Contains(unit)) AssignedUnits.Add(unit);
        if (Status == PetitionStatuses.Registered) Status = PetitionStatuses.Assigned;
    }

    public void RecordAcknowledgement(string unit)
    {
        if (!AssignedUnits.Contains(unit)) AssignedUnits.Add(unit);
        if (Status is PetitionStatuses.Registered or PetitionStatuses.Assigned) Status = PetitionStatuses.Acknowledged;
    }

    /// <summary>A returned hand-over ends the unit's right to read the petition (the petitioner's view shows where it is now).</summary>
    public void RecordReturn(string unit) => AssignedUnits.Remove(unit);

    /// <summary>Closed after re-review (复核): the same facts are not accepted again.</summary>
    public bool Final { get; private set; }
    public string? ClosedOutcome { get; private set; }

    public void RecordClosure(string outcome, bool final)
    {
        Status = PetitionStatuses.Closed;
        ClosedOutcome = outcome;
        Final |= final;
    }

    public bool IsWithheldFrom(string unit) => Category == "accusation" && AccusedUnit == unit;
}
