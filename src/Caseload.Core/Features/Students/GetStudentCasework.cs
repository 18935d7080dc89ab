using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Behaviour;
using Caseload.Core.Features.Cases;
using Caseload.Core.Features.Letters;
using Caseload.Core.Features.OneToOnes;
using Caseload.Core.Features.ParentContacts;
using Caseload.Core.Security;

namespace Caseload.Core.Features.Students;

/// <summary>
/// The casework half of a student's page, for a viewer who sees the student's pastoral record: cases and the stages they
/// move through, the action plan and when the next 1:1 is due, the contact log and the 48-hour rule, behaviour records,
/// and the standard letters. Null for anyone else. (Referrals come with the profile, read and audited once.)
/// </summary>
public sealed class GetStudentCasework(CaseloadDbContext db, ListStudentCases cases, GetActionPlan plans, GetOneToOneSchedule schedule,
    ListParentContacts contacts, GetFortyEightHours fortyEightHours, GetBehaviourRecord behaviour)
{
    public sealed record Casework(
        IReadOnlyList<InterventionCase> Cases,
        IReadOnlyList<InterventionStage> Stages,
        GetActionPlan.Plan? Plan,
        GetOneToOneSchedule.Due? Schedule,
        IReadOnlyList<ListParentContacts.Line> Contacts,
        IReadOnlyList<GetFortyEightHours.Incident> Incidents,
        GetBehaviourRecord.Record Behaviour,
        IReadOnlyList<LetterTemplate> Letters);

    public async Task<Casework?> HandleAsync(StudentScope scope, int studentId, DateOnly today, CancellationToken ct = default)
    {
        var plan = await plans.HandleAsync(scope, studentId, ct);
        if (plan is null)
        {
            return null; // not the viewer's pastoral record
        }
        var institution = scope.Viewer.InstitutionId;
        return new Casework(
            await cases.HandleAsync(scope, studentId, ct),
            await CaseStages.ForAsync(db, institution, ct),
            plan,
            (await schedule.HandleAsync(scope, today, [studentId], ct)).FirstOrDefault(),
            await contacts.HandleAsync(scope, studentId, ct),
            await fortyEightHours.HandleAsync([studentId], DateOnly.MinValue, today, ct),
            await behaviour.HandleAsync(scope, studentId, ct),
            await LetterTemplates.ForAsync(db, institution, ct));
    }
}
