using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class DataPointCourseConfiguration : IEntityTypeConfiguration<DataPointCourse>
{
    public void Configure(EntityTypeBuilder<DataPointCourse> b)
    {
        b.HasKey(x => new { x.DataPointId, x.CourseId });
        b.HasOne<DataPoint>().WithMany(x => x.Courses).HasForeignKey(x => x.DataPointId);
        b.HasOne<Course>().WithMany().HasForeignKey(x => x.CourseId);
    }
}
