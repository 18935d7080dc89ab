using Caseload.Core.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Caseload.Core.Data;

/// <summary>
/// The one data context. Use cases use it directly (no repository layer); both providers share this model and
/// keep their own migrations (Caseload.Data.Sqlite, Caseload.Data.Postgres). Names are snake_case on both so
/// that the few hand-written bulk statements read the same everywhere.
/// </summary>
public sealed class CaseloadDbContext(DbContextOptions<CaseloadDbContext> options)
    : IdentityUserContext<CaseloadUser, int>(options), IDataProtectionKeyContext
{
    public DbSet<Institution> Institutions => Set<Institution>();
    public DbSet<AcademicYear> AcademicYears => Set<AcademicYear>();
    public DbSet<Term> Terms => Set<Term>();
    public DbSet<Closure> Closures => Set<Closure>();
    public DbSet<YearGroupAssistant> YearGroupAssistants => Set<YearGroupAssistant>();
    public DbSet<StudentPhoto> StudentPhotos => Set<StudentPhoto>();
    public DbSet<InstitutionLogo> InstitutionLogos => Set<InstitutionLogo>();
    public DbSet<Cover> Covers => Set<Cover>();
    public DbSet<YearGroup> YearGroups => Set<YearGroup>();
    public DbSet<House> Houses => Set<House>();
    public DbSet<TutorGroup> TutorGroups => Set<TutorGroup>();
    public DbSet<TutorTeamMember> TutorTeamMembers => Set<TutorTeamMember>();
    public DbSet<CaseloadMember> CaseloadMembers => Set<CaseloadMember>();
    public DbSet<Student> Students => Set<Student>();
    public DbSet<StudentContact> StudentContacts => Set<StudentContact>();
    public DbSet<Staff> Staff => Set<Staff>();
    public DbSet<StaffRole> StaffRoles => Set<StaffRole>();
    public DbSet<AttendanceCode> AttendanceCodes => Set<AttendanceCode>();
    public DbSet<AttendanceMark> AttendanceMarks => Set<AttendanceMark>();
    public DbSet<AttendanceMarkChange> AttendanceMarkChanges => Set<AttendanceMarkChange>();
    public DbSet<AttendanceWeek> AttendanceWeeks => Set<AttendanceWeek>();
    public DbSet<GradeScale> GradeScales => Set<GradeScale>();
    public DbSet<Grade> Grades => Set<Grade>();
    public DbSet<Course> Courses => Set<Course>();
    public DbSet<Enrolment> Enrolments => Set<Enrolment>();
    public DbSet<DataPoint> DataPoints => Set<DataPoint>();
    public DbSet<AssessmentGrade> AssessmentGrades => Set<AssessmentGrade>();
    public DbSet<AssessmentGradeChange> AssessmentGradeChanges => Set<AssessmentGradeChange>();
    public DbSet<DataPointCourse> DataPointCourses => Set<DataPointCourse>();
    public DbSet<TargetChange> TargetChanges => Set<TargetChange>();
    public DbSet<TargetBand> TargetBands => Set<TargetBand>();
    public DbSet<StudentSummary> StudentSummaries => Set<StudentSummary>();
    public DbSet<RiskIndicator> RiskIndicators => Set<RiskIndicator>();
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();
    public DbSet<RiskWeightSet> RiskWeightSets => Set<RiskWeightSet>();
    public DbSet<InterventionStage> InterventionStages => Set<InterventionStage>();
    public DbSet<InterventionCase> InterventionCases => Set<InterventionCase>();
    public DbSet<CaseAction> CaseActions => Set<CaseAction>();
    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<CourseChange> CourseChanges => Set<CourseChange>();
    public DbSet<ChangeReason> ChangeReasons => Set<ChangeReason>();
    public DbSet<ReferenceCycle> ReferenceCycles => Set<ReferenceCycle>();
    public DbSet<Application> Applications => Set<Application>();
    public DbSet<Contribution> Contributions => Set<Contribution>();
    public DbSet<ApplicationChoice> ApplicationChoices => Set<ApplicationChoice>();
    public DbSet<OfferCondition> OfferConditions => Set<OfferCondition>();
    public DbSet<ResultsFollowUp> ResultsFollowUps => Set<ResultsFollowUp>();
    public DbSet<DestinationActivity> DestinationActivities => Set<DestinationActivity>();
    public DbSet<SafeguardingDetails> SafeguardingDetails => Set<SafeguardingDetails>();
    public DbSet<SafeguardingEntry> SafeguardingEntries => Set<SafeguardingEntry>();
    public DbSet<SafeguardingCategory> SafeguardingCategories => Set<SafeguardingCategory>();
    public DbSet<SafeguardingBodyMark> SafeguardingBodyMarks => Set<SafeguardingBodyMark>();
    public DbSet<SafeguardingBreakGlass> SafeguardingBreakGlass => Set<SafeguardingBreakGlass>();
    public DbSet<SafeguardingAccessGrant> SafeguardingAccess => Set<SafeguardingAccessGrant>();
    public DbSet<SafeguardingShare> SafeguardingShares => Set<SafeguardingShare>();
    public DbSet<SafeguardingErasure> SafeguardingErasures => Set<SafeguardingErasure>();
    public DbSet<SafeguardingInvolvement> SafeguardingInvolvements => Set<SafeguardingInvolvement>();
    public DbSet<SafeguardingAttachment> SafeguardingAttachments => Set<SafeguardingAttachment>();
    public DbSet<SafeguardingTransfer> SafeguardingTransfers => Set<SafeguardingTransfer>();
    public DbSet<WellbeingCase> WellbeingCases => Set<WellbeingCase>();
    public DbSet<WellbeingNote> WellbeingNotes => Set<WellbeingNote>();
    public DbSet<SafeguardingReceivedFile> SafeguardingReceivedFiles => Set<SafeguardingReceivedFile>();
    public DbSet<SupportPlan> SupportPlans => Set<SupportPlan>();
    public DbSet<SupportPlanVersion> SupportPlanVersions => Set<SupportPlanVersion>();
    public DbSet<SupportPlanStep> SupportPlanSteps => Set<SupportPlanStep>();
    public DbSet<SupportPlanContributor> SupportPlanContributors => Set<SupportPlanContributor>();
    public DbSet<OneToOneMeeting> OneToOneMeetings => Set<OneToOneMeeting>();
    public DbSet<PlanTarget> PlanTargets => Set<PlanTarget>();
    public DbSet<BankTarget> BankTargets => Set<BankTarget>();
    public DbSet<OneToOnePriority> OneToOnePriorities => Set<OneToOnePriority>();
    public DbSet<ParentContact> ParentContacts => Set<ParentContact>();
    public DbSet<BehaviourIncident> BehaviourIncidents => Set<BehaviourIncident>();
    public DbSet<IncidentStudent> IncidentStudents => Set<IncidentStudent>();
    public DbSet<BehaviourReview> BehaviourReviews => Set<BehaviourReview>();
    public DbSet<Sanction> Sanctions => Set<Sanction>();
    public DbSet<OnReport> OnReports => Set<OnReport>();
    public DbSet<ReportDay> ReportDays => Set<ReportDay>();
    public DbSet<LetterTemplate> LetterTemplates => Set<LetterTemplate>();
    public DbSet<BehaviourEvent> BehaviourEvents => Set<BehaviourEvent>();
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    /// <summary>The web app's Data Protection key ring (cookie and antiforgery keys), each key encrypted by a certificate.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>True when the context talks to PostgreSQL; the bulk paths and a few SQL fragments differ.</summary>
    public bool IsPostgres => Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are UTC everywhere; SQLite forgets the kind, so restore it on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RaiseVersions();
        RefuseTextItCannotHold();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RaiseVersions();
        RefuseTextItCannotHold();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Text reaches the database without control characters (a NUL, an escape sequence), whichever door it came in by:
    /// PostgreSQL cannot store a NUL at all, and the rest would reach other people's screens and terminals. Tabs and line
    /// breaks are text. Imports report such a field with its file:line:column before they get here. And no text is
    /// longer than the model declares for it (<c>HasMaxLength</c>, the one declaration of every text limit: SQLite would
    /// store it silently, PostgreSQL would fail): the use cases say so in their own words first, this is the backstop.
    /// </summary>
    private void RefuseTextItCannotHold()
    {
        foreach (var entry in ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            foreach (var property in entry.Properties.Where(p => p.Metadata.ClrType == typeof(string) && (entry.State == EntityState.Added || p.IsModified)))
            {
                if (property.CurrentValue is string text && Shared.PlainText.FirstControlCharacter(text) is { } at)
                {
                    ChangeTracker.Clear(); // the whole save is refused: nothing of it may be written by a later one
                    throw new ValidationException(
                        $"{Shared.PlainText.Words(property.Metadata.Name)} holds a control character (U+{(int)text[at]:X4}) at character {at + 1}; expected plain text");
                }
                if (property.CurrentValue is string longText && property.Metadata.GetMaxLength() is { } max && longText.Length > max)
                {
                    ChangeTracker.Clear();
                    throw new ValidationException(
                        $"{Shared.PlainText.Words(property.Metadata.Name)} is {longText.Length} characters long; expected at most {max}");
                }
            }
        }
    }

    /// <summary>
    /// Optimistic concurrency, the same on both databases (SQLite has no store-generated row version): every save of a
    /// versioned record raises its version by one, and the UPDATE matches only the version it was read at — or the one
    /// the caller says it saw — so a stale save changes no row and fails instead of overwriting.
    /// </summary>
    private void RaiseVersions()
    {
        ChangeTracker.DetectChanges();
        foreach (var entry in ChangeTracker.Entries<Domain.IVersioned>().Where(e => e.State == EntityState.Modified))
        {
            entry.Property(x => x.Version).CurrentValue = entry.Property(x => x.Version).OriginalValue + 1;
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<CaseloadUser>(b =>
        {
            b.ToTable("users");
            b.HasIndex(u => u.StaffId).IsUnique();
            b.HasOne<Staff>().WithMany().HasForeignKey(u => u.StaffId);
        });
        modelBuilder.Entity<IdentityUserClaim<int>>().ToTable("user_claims");
        modelBuilder.Entity<IdentityUserLogin<int>>().ToTable("user_logins");
        modelBuilder.Entity<IdentityUserToken<int>>().ToTable("user_tokens");
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        modelBuilder.Entity<UserSession>(b =>
        {
            b.ToTable("user_sessions");
            b.Property(s => s.Device).HasMaxLength(UserSession.DeviceLength);
            b.Property(s => s.EndedWhy).HasMaxLength(100);
            b.HasIndex(s => s.UserId);
            b.HasOne<CaseloadUser>().WithMany().HasForeignKey(s => s.UserId);
        });
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CaseloadDbContext).Assembly);

        // Nothing is lost: deleting a row never silently takes records with it. Only parts that mean nothing
        // alone (a person's roles, a scale's grades, a year's terms, team and caseload links) go with their owner.
        Type[] parts = [typeof(StaffRole), typeof(TutorTeamMember), typeof(Grade), typeof(Term), typeof(CaseloadMember)];
        foreach (var fk in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetForeignKeys()))
        {
            if (fk.DeleteBehavior == DeleteBehavior.Cascade && !parts.Contains(fk.DeclaringEntityType.ClrType))
            {
                fk.DeleteBehavior = DeleteBehavior.Restrict;
            }
        }
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
