using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class SafeguardingDetailsConfiguration : IEntityTypeConfiguration<SafeguardingDetails>
{
    public void Configure(EntityTypeBuilder<SafeguardingDetails> b)
    {
        b.ToTable("safeguarding_details");
        b.HasKey(x => x.ReferralId);
        b.Property(x => x.Place).HasMaxLength(Limits.SafeguardingPlace);
        b.Property(x => x.Present).HasMaxLength(Limits.SafeguardingPresent);
        b.Property(x => x.ChildsWords).HasMaxLength(4000);
        b.Property(x => x.Demeanour).HasMaxLength(Limits.SafeguardingDemeanour);
        b.Property(x => x.Categories).HasMaxLength(Limits.SafeguardingCategories * (Limits.SafeguardingCategoryName + 1));
        b.Ignore(x => x.RestrictedColumns);
        b.Ignore(x => x.CategoryList);
        b.HasIndex(x => new { x.StudentId, x.OccurredOn });
        b.HasOne<Referral>().WithOne().HasForeignKey<SafeguardingDetails>(x => x.ReferralId);
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId);
    }
}

internal sealed class SafeguardingEntryConfiguration : IEntityTypeConfiguration<SafeguardingEntry>
{
    public void Configure(EntityTypeBuilder<SafeguardingEntry> b)
    {
        b.ToTable("safeguarding_entries");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Decision).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Text).HasMaxLength(4000);
        b.Property(x => x.DoneNote).HasMaxLength(4000);
        b.Property(x => x.Agency).HasMaxLength(Limits.SafeguardingAgency);
        b.Property(x => x.Reference).HasMaxLength(Limits.SafeguardingReference);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.RestrictedColumns);
        b.HasIndex(x => new { x.StudentId, x.OccurredOn });
        b.HasIndex(x => x.ReferralId);
        // Open actions by owner (a member of staff's inbox) and monitoring reviews by date (the safeguarding team's).
        b.HasIndex(x => new { x.OwnerStaffId, x.DoneAt });
        b.HasIndex(x => new { x.InstitutionId, x.Kind, x.DueOn });
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.OwnerStaffId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Referral>().WithMany().HasForeignKey(x => x.ReferralId);
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.RecordedByStaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SafeguardingCategoryConfiguration : IEntityTypeConfiguration<SafeguardingCategory>
{
    public void Configure(EntityTypeBuilder<SafeguardingCategory> b)
    {
        b.ToTable("safeguarding_categories");
        b.HasKey(x => new { x.InstitutionId, x.Position });
        b.Property(x => x.Name).HasMaxLength(Limits.SafeguardingCategoryName);
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
    }
}

internal sealed class SafeguardingBodyMarkConfiguration : IEntityTypeConfiguration<SafeguardingBodyMark>
{
    public void Configure(EntityTypeBuilder<SafeguardingBodyMark> b)
    {
        b.ToTable("safeguarding_body_marks");
        b.Property(x => x.Side).HasConversion<string>().HasMaxLength(8);
        b.Property(x => x.Region).HasMaxLength(40);
        b.Property(x => x.Note).HasMaxLength(Limits.SafeguardingMarkNote);
        b.Ignore(x => x.RestrictedColumns);
        b.HasIndex(x => x.ReferralId);
        b.HasOne<Referral>().WithMany().HasForeignKey(x => x.ReferralId);
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId);
    }
}

internal sealed class SafeguardingBreakGlassConfiguration : IEntityTypeConfiguration<SafeguardingBreakGlass>
{
    public void Configure(EntityTypeBuilder<SafeguardingBreakGlass> b)
    {
        b.ToTable("safeguarding_break_glass");
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.Ignore(x => x.RestrictedColumns);
        b.HasIndex(x => new { x.StaffId, x.StudentId, x.Until });
        b.HasIndex(x => new { x.InstitutionId, x.SeenAt });
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SafeguardingAccessGrantConfiguration : IEntityTypeConfiguration<SafeguardingAccessGrant>
{
    public void Configure(EntityTypeBuilder<SafeguardingAccessGrant> b)
    {
        b.ToTable("safeguarding_access");
        b.Property(x => x.Level).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.Categories).HasMaxLength(Limits.SafeguardingCategories * (Limits.SafeguardingCategoryName + 1));
        b.Property(x => x.YearGroupIds).HasMaxLength(400);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.CategoryList);
        b.Ignore(x => x.YearGroupList);
        b.HasIndex(x => x.StaffId).IsUnique();
        b.HasIndex(x => x.InstitutionId);
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.StaffId);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.GrantedByStaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SafeguardingShareConfiguration : IEntityTypeConfiguration<SafeguardingShare>
{
    public void Configure(EntityTypeBuilder<SafeguardingShare> b)
    {
        b.ToTable("safeguarding_shares");
        b.Ignore(x => x.RestrictedColumns);
        b.HasIndex(x => new { x.ReferralId, x.StaffId }).IsUnique();
        b.HasIndex(x => x.StaffId);
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
        b.HasOne<Referral>().WithMany().HasForeignKey(x => x.ReferralId);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.StaffId);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.SharedByStaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SafeguardingErasureConfiguration : IEntityTypeConfiguration<SafeguardingErasure>
{
    public void Configure(EntityTypeBuilder<SafeguardingErasure> b)
    {
        b.ToTable("safeguarding_erasures");
        b.Ignore(x => x.RestrictedColumns);
        b.HasIndex(x => x.StudentId).IsUnique();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.ByStaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SafeguardingInvolvementConfiguration : IEntityTypeConfiguration<SafeguardingInvolvement>
{
    public void Configure(EntityTypeBuilder<SafeguardingInvolvement> b)
    {
        b.ToTable("safeguarding_involvements");
        b.Ignore(x => x.RestrictedColumns);
        b.HasIndex(x => new { x.ReferralId, x.StudentId }).IsUnique();
        b.HasIndex(x => x.StudentId);
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
        b.HasOne<Referral>().WithMany().HasForeignKey(x => x.ReferralId);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.LinkedByStaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SafeguardingAttachmentConfiguration : IEntityTypeConfiguration<SafeguardingAttachment>
{
    public void Configure(EntityTypeBuilder<SafeguardingAttachment> b)
    {
        b.ToTable("safeguarding_attachments");
        b.Ignore(x => x.RestrictedColumns);
        b.Property(x => x.FileName).HasMaxLength(Limits.AttachmentName);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.HasIndex(x => x.ReferralId);
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
        b.HasOne<Referral>().WithMany().HasForeignKey(x => x.ReferralId);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.UploadedByStaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SafeguardingTransferConfiguration : IEntityTypeConfiguration<SafeguardingTransfer>
{
    public void Configure(EntityTypeBuilder<SafeguardingTransfer> b)
    {
        b.ToTable("safeguarding_transfers");
        b.Ignore(x => x.RestrictedColumns);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.ToSchool).HasMaxLength(Limits.TransferName);
        b.Property(x => x.ToPerson).HasMaxLength(Limits.TransferName);
        b.Property(x => x.Method).HasMaxLength(Limits.TransferName);
        b.Property(x => x.AcknowledgedBy).HasMaxLength(Limits.TransferName);
        b.Property(x => x.NotSentReason).HasMaxLength(Limits.TransferReason);
        b.Property(x => x.ReceiptHash).HasMaxLength(64);
        b.Property(x => x.KeyFingerprint).HasMaxLength(64);
        b.HasIndex(x => x.StudentId);
        b.HasIndex(x => x.BundleId).IsUnique();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.PreparedByStaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SafeguardingReceivedFileConfiguration : IEntityTypeConfiguration<SafeguardingReceivedFile>
{
    public void Configure(EntityTypeBuilder<SafeguardingReceivedFile> b)
    {
        b.ToTable("safeguarding_received_files");
        b.Ignore(x => x.RestrictedColumns);
        b.Property(x => x.FromSchool).HasMaxLength(Limits.TransferName);
        b.Property(x => x.FromPerson).HasMaxLength(Limits.TransferName);
        b.Property(x => x.KeyFingerprint).HasMaxLength(64);
        b.Property(x => x.ReceiptCode).HasMaxLength(40);
        b.HasIndex(x => x.StudentId);
        b.HasIndex(x => new { x.InstitutionId, x.BundleId }).IsUnique();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.ReceivedByStaffId).OnDelete(DeleteBehavior.Restrict);
    }
}
