using Caseload.Core.Domain;
using Caseload.Core.Security;

namespace Caseload.Core.Tests.Security;

/// <summary>
/// Every named operation × every role, written out from docs/access.md (not computed from the code under test): a new
/// operation or a changed holder fails here until the document and this table agree. The web access matrix checks
/// the pages behind each operation over HTTP.
/// </summary>
public sealed class PermissionsTests
{
    // Columns: administrator, senior-leader, progress-leader, senior-tutor, tutor, subject-teacher, safeguarding-lead,
    // wellbeing, learning-support, careers, student-services, counsellor (Roles.All's order).
    private static readonly Dictionary<Operation, string> Matrix = new()
    {
        [Operation.UseOneToOneSchedule] = "..YYY.......",
        [Operation.UseTargetBank] = "YYYYY.......",
        [Operation.UseBehaviourLog] = "YYY.........",
        [Operation.UseCohorts] = "YYYYY.Y...Y.",
        [Operation.UseDataDrops] = "YYYY.Y......",
        [Operation.EnterGrades] = ".....Y......",
        [Operation.ManageDataDrops] = "Y...........",
        [Operation.SeeDataDropCompletion] = "YYYY........",
        [Operation.EditLetters] = "Y...........",
        [Operation.SearchAuditLog] = "Y...........",
        [Operation.ManageTwoFactorPolicy] = "Y...........",
        [Operation.ReadSafeguarding] = "......Y.....",
        [Operation.TakeCasesForSeniorLeaders] = ".Y..........",
        [Operation.ArrangeCover] = "YYYY........",
        [Operation.ManageCalendar] = "Y...........",
        [Operation.SearchStaff] = "Y...........",
        [Operation.SeeRecordReaders] = "Y.....Y.....",
        [Operation.BreakGlassSafeguarding] = ".Y..........",
        [Operation.ManageSafeguardingAccess] = "......Y.....",
        [Operation.UseWellbeingCases] = ".......Y...Y",
        [Operation.KeepCounsellingNotes] = "...........Y",
        [Operation.RequestCourseChanges] = "YYYYY.....Y.",
        [Operation.AuthoriseCourseChanges] = ".Y.Y........",
        [Operation.ActionCourseChanges] = "Y...........",
        [Operation.WriteReferences] = "...YY.......",
        [Operation.CheckReferences] = "...Y........",
        [Operation.ManageReferenceCycles] = "YY.Y........",
        [Operation.RecordDestinations] = "YYYYY....Y..",
    };

    [Fact]
    public void Every_operation_has_a_row() => Assert.Equal(Enum.GetValues<Operation>().Order(), Matrix.Keys.Order());

    [Theory]
    [MemberData(nameof(Operations))]
    public void Each_role_may_do_exactly_what_the_matrix_says(Operation operation)
    {
        for (var i = 0; i < Roles.All.Count; i++)
        {
            var viewer = new Viewer(1, 1, new HashSet<string> { Roles.All[i] });
            Assert.True(Matrix[operation][i] == 'Y' == viewer.May(operation), $"{operation} for {Roles.All[i]}: expected {(Matrix[operation][i] == 'Y' ? "allowed" : "refused")}");
        }
    }

    [Fact]
    public void A_refusal_is_not_found_so_nothing_is_revealed()
    {
        var tutor = new Viewer(1, 1, new HashSet<string> { Roles.Tutor });
        Assert.Throws<NotFoundException>(() => tutor.Demand(Operation.ReadSafeguarding));
        tutor.Demand(Operation.UseOneToOneSchedule); // allowed: no exception
        // Holding several roles gives the union of what each allows.
        Assert.True(new Viewer(1, 1, new HashSet<string> { Roles.Tutor, Roles.SafeguardingLead }).May(Operation.ReadSafeguarding));
    }

    [Fact]
    public void A_deputy_named_by_the_lead_reads_safeguarding_but_does_not_manage_access_and_a_trusted_member_of_staff_neither()
    {
        var tutor = new HashSet<string> { Roles.Tutor };
        var deputy = new Viewer(1, 1, tutor) { Safeguarding = new SafeguardingRemit(SafeguardingLevel.Deputy, null, [3]) };
        var trusted = new Viewer(1, 1, tutor) { Safeguarding = new SafeguardingRemit(SafeguardingLevel.Trusted) };
        Assert.True(deputy.May(Operation.ReadSafeguarding));
        Assert.False(deputy.May(Operation.ManageSafeguardingAccess));
        Assert.False(trusted.May(Operation.ReadSafeguarding));
        Assert.True(deputy.Safeguarding.Limited);
        Assert.False(new SafeguardingRemit(SafeguardingLevel.Deputy).Limited);
    }

    public static TheoryData<Operation> Operations() => [.. Enum.GetValues<Operation>()];
}
