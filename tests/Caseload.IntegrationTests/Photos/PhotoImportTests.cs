using System.IO.Compression;
using Caseload.Core.Features.Photos;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Caseload.IntegrationTests.Photos;

/// <summary><c>caseload import photos</c>: files named by student ID, refused ones listed, nothing written unless asked, served only to those who may see the student.</summary>
public sealed class PhotoImportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("caseload-photos-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static byte[] Picture(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(30, 90, 160));
            using var paint = new SKPaint { Color = SKColors.Orange };
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 3f, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(format, 90).ToArray();
    }

    private void Files()
    {
        File.WriteAllBytes(Path.Combine(_folder, "S1001.jpg"), Picture(800, 1000, SKEncodedImageFormat.Jpeg));   // a phone-sized portrait
        File.WriteAllBytes(Path.Combine(_folder, "s1002.PNG"), Picture(120, 150, SKEncodedImageFormat.Png));    // small, lower case
        File.WriteAllBytes(Path.Combine(_folder, "S9999.jpg"), Picture(100, 100, SKEncodedImageFormat.Jpeg));   // nobody
        File.WriteAllText(Path.Combine(_folder, "notes.txt"), "not a photo");
        File.WriteAllBytes(Path.Combine(_folder, "S1003.jpg"), [0xFF, 0xD8, 0xFF, 0x00, 0x12, 0x34]);            // damaged
        File.WriteAllBytes(Path.Combine(_folder, "S1004.jpg"), Picture(64, 64, SKEncodedImageFormat.Webp));       // a WebP named .jpg
        File.WriteAllText(Path.Combine(_folder, ".DS_Store"), "ignored");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Usable_photos_are_fitted_and_stored_once_and_the_rest_are_listed_with_why(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        Files();

        ImportPhotos.Result Run(IServiceProvider s, bool storeGood, bool dryRun = false) =>
            s.GetRequiredService<ImportPhotos>().HandleAsync(institution, ImportPhotos.From(_folder, out _), storeGood, dryRun).GetAwaiter().GetResult();

        // Four files cannot be used: nothing is written, and each says why.
        var refused = await db.RunAsync(s => Task.FromResult(Run(s, storeGood: false)));
        Assert.False(refused.Written);
        Assert.Equal(6, refused.Files); // the hidden file is not counted
        Assert.Equal(
        [
            "S1003.jpg: it is not a picture Caseload can read; expected a JPEG or PNG file",
            "S1004.jpg: it is a WEBP picture; expected a JPEG or PNG file",
            "S9999.jpg: no student has the ID 'S9999'; expected a student_id from the students import",
            "notes.txt: not named as a photo; expected the student ID then .jpg, .jpeg or .png (e.g. S1001.jpg)",
        ], refused.Refused.Select(r => r.ToString()));
        await using (var context = db.NewContext())
        {
            Assert.Equal(0, await context.StudentPhotos.CountAsync());
        }

        // A dry run says what would be stored; --skip-refused stores the two usable ones, fitted inside 240×300, as JPEG.
        Assert.Equal((2, false), await db.RunAsync(s => Task.FromResult(Run(s, storeGood: true, dryRun: true) is var r ? (r.Stored, r.Written) : default)));
        var stored = await db.RunAsync(s => Task.FromResult(Run(s, storeGood: true)));
        Assert.Equal((2, 0, 4, true), (stored.Stored, stored.Unchanged, stored.Refused.Count, stored.Written));
        await using (var context = db.NewContext())
        {
            var photos = await context.StudentPhotos.Join(context.Students, p => p.StudentId, s => s.Id, (p, s) => new { s.ExternalId, p.Width, p.Height, p.Jpeg }).OrderBy(x => x.ExternalId).ToListAsync();
            Assert.Equal(["S1001", "S1002"], photos.Select(p => p.ExternalId));
            Assert.Equal((240, 300), (photos[0].Width, photos[0].Height)); // 800×1000 fitted
            Assert.Equal((120, 150), (photos[1].Width, photos[1].Height)); // never enlarged
            Assert.All(photos, p => Assert.Equal([0xFF, 0xD8, 0xFF], p.Jpeg[..3]));
            // The audit log says a picture was stored, not its bytes.
            var audit = await context.AuditEvents.Where(a => a.Entity == "StudentPhoto").Select(a => a.Changes!).ToListAsync();
            Assert.Equal(2, audit.Count);
            Assert.All(audit, a => Assert.Contains("(picture: ", a, StringComparison.Ordinal));
            Assert.All(audit, a => Assert.True(a.Length < 400, a));
        }

        // The same files again change nothing.
        var again = await db.RunAsync(s => Task.FromResult(Run(s, storeGood: true)));
        Assert.Equal((0, 2), (again.Stored, again.Unchanged));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_zip_of_photos_imports_like_a_folder_and_a_photo_is_served_only_to_those_who_may_see_the_student(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        var zip = Path.Combine(_folder, "photos.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            foreach (var (name, bytes) in new[] { ("export/S1001.jpeg", Picture(300, 400, SKEncodedImageFormat.Jpeg)), ("export/S1004.png", Picture(200, 200, SKEncodedImageFormat.Png)) })
            {
                await using var entry = archive.CreateEntry(name).Open();
                await entry.WriteAsync(bytes);
            }
            archive.CreateEntry("__MACOSX/export/._S1001.jpeg").Open().Dispose();
        }
        var result = await db.RunAsync(async s =>
        {
            var files = ImportPhotos.From(zip, out var open);
            using (open)
            {
                return await s.GetRequiredService<ImportPhotos>().HandleAsync(institution, files, storeGoodOnes: false);
            }
        });
        Assert.Equal((2, 2, true), (result.Files, result.Stored, result.Written));

        await using var context = db.NewContext();
        async Task<GetPhoto.Photo?> PhotoAsync(string staff, string student)
        {
            var viewer = (await Viewers.ForStaffAsync(context, await context.Staff.Where(s => s.ExternalId == staff).Select(s => s.Id).SingleAsync()))!;
            var id = await context.Students.Where(s => s.ExternalId == student).Select(s => s.Id).SingleAsync();
            return await new GetPhoto(context).HandleAsync(await StudentScope.ForAsync(context, viewer), id);
        }
        Assert.NotNull(await PhotoAsync("T001", "S1001"));   // her tutor
        Assert.NotNull(await PhotoAsync("T003", "S1001"));   // her maths teacher
        Assert.Null(await PhotoAsync("T003", "S1004"));      // a teacher who does not teach him
        Assert.Null(await PhotoAsync("T001", "S1004"));      // another tutor group's
        Assert.Null(await PhotoAsync("T001", "S1002"));      // his tutor, but no photo

        // Neither a missing path nor a file that is not a ZIP gets further than a message.
        Assert.Contains("no such folder or file", Assert.Throws<Caseload.Core.ValidationException>(() => ImportPhotos.From(Path.Combine(_folder, "nope"), out _)).Message, StringComparison.Ordinal);
        var notZip = Path.Combine(_folder, "photos.txt");
        await File.WriteAllTextAsync(notZip, "hello");
        Assert.Contains("not a ZIP file", Assert.Throws<Caseload.Core.ValidationException>(() => ImportPhotos.From(notZip, out _)).Message, StringComparison.Ordinal);
    }
}
