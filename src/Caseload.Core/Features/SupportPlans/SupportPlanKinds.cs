using Caseload.Core.Domain;

namespace Caseload.Core.Features.SupportPlans;

/// <summary>
/// What each kind of plan holds and which dated steps it starts with (decision 0016; the SEND Code of Practice, the
/// EHCP annual review's statutory timings, DfE guidance on pastoral support plans, Early Help and part-time timetables).
/// </summary>
public static class SupportPlanKinds
{
    /// <param name="Key">Stored with the text; never changes once plans use it.</param>
    public sealed record Section(string Key, string Title, string? Hint = null, bool Required = false);

    /// <summary>A step the plan starts with.</summary>
    public sealed record Step(SupportPlanStepKind Kind, string Title, DateOnly DueOn);

    public static string Name(SupportPlanKind kind) => kind switch
    {
        SupportPlanKind.SenSupport => "SEN support plan (IEP)",
        SupportPlanKind.Ehcp => "Education, health and care plan (EHCP)",
        SupportPlanKind.PastoralSupport => "Pastoral support plan (PSP)",
        SupportPlanKind.EarlyHelp => "Early Help plan",
        SupportPlanKind.RiskAssessment => "Risk assessment",
        _ => "Reduced timetable",
    };

    /// <summary>Special educational needs plans, which learning support also sees.</summary>
    public static bool IsSend(SupportPlanKind kind) => kind is SupportPlanKind.SenSupport or SupportPlanKind.Ehcp;

    public static IReadOnlyList<Section> SectionsOf(SupportPlanKind kind) => kind switch
    {
        SupportPlanKind.SenSupport =>
        [
            new("needs", "Needs (from the assessment)", Required: true),
            new("outcomes", "Outcomes sought"),
            new("provision", "Provision and strategies (plan, do)"),
            new("measure", "How progress will be measured at the review"),
        ],
        SupportPlanKind.Ehcp =>
        [
            new("A", "Section A: the views, interests and aspirations of the child and their parents"),
            new("B", "Section B: special educational needs", Required: true),
            new("C", "Section C: health needs related to their SEN"),
            new("D", "Section D: social care needs related to their SEN or disability"),
            new("E", "Section E: outcomes"),
            new("F", "Section F: special educational provision"),
            new("G", "Section G: health provision"),
            new("H", "Section H: social care provision"),
            new("I", "Section I: placement"),
            new("J", "Section J: personal budget"),
            new("K", "Section K: advice and information"),
        ],
        SupportPlanKind.PastoralSupport =>
        [
            new("concerns", "Why a pastoral support plan (the concerns; e.g. repeated suspensions)", Required: true),
            new("strengths", "Strengths"),
            new("targets", "Targets for the student"),
            new("support", "Support the school will give"),
            new("parents", "What parents and carers will do"),
        ],
        SupportPlanKind.EarlyHelp =>
        [
            new("consent", "Consent to share (who gave it and when)", "Early Help is voluntary: record the family's consent before sharing.", Required: true),
            new("lead", "Lead professional", Required: true),
            new("team", "Team around the family"),
            new("needs", "Needs and outcomes"),
        ],
        SupportPlanKind.RiskAssessment =>
        [
            new("hazards", "Hazards, and who may be harmed", Required: true),
            new("measures", "Control measures", Required: true),
            new("who", "Who does what"),
        ],
        _ =>
        [
            new("why", "Why a reduced timetable (never a behaviour tool)", "Exceptional and time-limited; the missed sessions are authorised absence, code C2.", Required: true),
            new("return", "Plan back to full time", Required: true),
            new("agreement", "Parents' agreement (who, when)", Required: true),
        ],
    };

    /// <summary>The dated steps a new plan starts with.</summary>
    /// <param name="keyDate">An EHCP's annual review meeting; the first review of an IEP, Early Help plan or risk assessment.</param>
    /// <param name="endsOn">A reduced timetable's end date (a PSP's is 16 weeks from the start).</param>
    public static IReadOnlyList<Step> StepsFor(SupportPlanKind kind, DateOnly startsOn, DateOnly? keyDate, DateOnly? endsOn)
    {
        switch (kind)
        {
            case SupportPlanKind.SenSupport:
                return [new(SupportPlanStepKind.Review, "Review: assess what worked, plan what next", keyDate ?? startsOn.AddDays(84))];
            case SupportPlanKind.Ehcp:
                var meeting = keyDate!.Value;
                return
                [
                    new(SupportPlanStepKind.Statutory, "Invite everyone to the annual review and ask for advice (at least 2 weeks' notice)", meeting.AddDays(-14)),
                    new(SupportPlanStepKind.Statutory, "Hold the annual review meeting", meeting),
                    new(SupportPlanStepKind.Statutory, "Send the review report to the local authority (within 2 weeks of the meeting)", meeting.AddDays(14)),
                    new(SupportPlanStepKind.Statutory, "The local authority's decision is due: maintain, amend or cease (within 4 weeks of the meeting)", meeting.AddDays(28)),
                ];
            case SupportPlanKind.PastoralSupport:
                return
                [
                    new(SupportPlanStepKind.Review, "Mid-point review (week 8)", startsOn.AddDays(56)),
                    new(SupportPlanStepKind.Review, "End review (week 16): end the plan, extend it, or escalate", startsOn.AddDays(112)),
                ];
            case SupportPlanKind.EarlyHelp:
                return [new(SupportPlanStepKind.Review, "Team-around-the-family review", keyDate ?? startsOn.AddDays(42))];
            case SupportPlanKind.RiskAssessment:
                return [new(SupportPlanStepKind.Review, "Review the risk assessment", keyDate!.Value)];
            default:
                var end = endsOn!.Value;
                var steps = new List<Step>();
                for (var d = startsOn.AddDays(14); d < end; d = d.AddDays(14))
                {
                    steps.Add(new(SupportPlanStepKind.Review, "Fortnightly review of the reduced timetable", d));
                }
                steps.Add(new(SupportPlanStepKind.Review, "End date: back to a full timetable, or a new plan (never open-ended)", end));
                return steps;
        }
    }

    /// <summary>The planned end: a PSP's 16 weeks, a reduced timetable's own date; none otherwise.</summary>
    public static DateOnly? EndOf(SupportPlanKind kind, DateOnly startsOn, DateOnly? endsOn) => kind switch
    {
        SupportPlanKind.PastoralSupport => startsOn.AddDays(112),
        SupportPlanKind.ReducedTimetable => endsOn,
        _ => null,
    };
}
