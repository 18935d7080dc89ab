using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class WellbeingCaseConfiguration : IEntityTypeConfiguration<WellbeingCase>
{
    public void Configure(EntityTypeBuilder<WellbeingCase> b)
    {
        b.ToTable("wellbeing_cases");
        b.Ignore(x => x.ConfidentialColumns);
        b.Property(x => x.Summary).HasMaxLength(Limits.FreeText);
        b.Property(x => x.Outcome).HasMaxLength(Limits.FreeText);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.StudentId);
        b.HasIndex(x => new { x.OwnerStaffId, x.ClosedOn, x.NextReview });
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId);
        b.HasOne<Referral>().WithMany().HasForeignKey(x => x.ReferralId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.OwnerStaffId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.CreatedByStaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WellbeingNoteConfiguration : IEntityTypeConfiguration<WellbeingNote>
{
    public void Configure(EntityTypeBuilder<WellbeingNote> b)
    {
        b.ToTable("wellbeing_notes");
        b.Ignore(x => x.ConfidentialColumns);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Text).HasMaxLength(Limits.FreeText);
        b.HasIndex(x => x.CaseId);
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
        b.HasOne<WellbeingCase>().WithMany().HasForeignKey(x => x.CaseId);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.ByStaffId).OnDelete(DeleteBehavior.Restrict);
    }
}
