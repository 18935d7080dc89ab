using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class IncidentStudentConfiguration : IEntityTypeConfiguration<IncidentStudent>
{
    public void Configure(EntityTypeBuilder<IncidentStudent> b)
    {
        // One role per student per incident: the key itself makes "victim and perpetrator" impossible to store.
        b.HasKey(x => new { x.IncidentId, x.StudentId });
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(x => x.StudentId);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId);
        b.ToTable(t => t.HasCheckConstraint("ck_incident_students_points", "points <= 0 AND (role = 'Perpetrator' OR points = 0)"));
    }
}
