using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class StudentPhotoConfiguration : IEntityTypeConfiguration<StudentPhoto>
{
    public void Configure(EntityTypeBuilder<StudentPhoto> b)
    {
        b.HasKey(x => x.StudentId);
        b.Property(x => x.SourceHash).HasMaxLength(64);
        b.HasOne<Student>().WithOne().HasForeignKey<StudentPhoto>(x => x.StudentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InstitutionLogoConfiguration : IEntityTypeConfiguration<InstitutionLogo>
{
    public void Configure(EntityTypeBuilder<InstitutionLogo> b)
    {
        b.HasKey(x => x.InstitutionId);
        b.HasOne<Institution>().WithOne().HasForeignKey<InstitutionLogo>(x => x.InstitutionId).OnDelete(DeleteBehavior.Cascade);
    }
}
