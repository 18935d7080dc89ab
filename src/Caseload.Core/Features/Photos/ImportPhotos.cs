using System.IO.Compression;
using System.Security.Cryptography;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Photos;

/// <summary>
/// <c>caseload import photos FOLDER|ZIP</c>: students' photos, each file named by the student ID (<c>S1001.jpg</c>,
/// <c>s1001.png</c>), JPEG or PNG. Each is read, turned upright, fitted inside 240×300 and stored once as a JPEG; the same
/// file again changes nothing. Files that cannot be used are listed with the reason; then nothing is written, unless
/// the administrator asks to store the good ones anyway (a photo for a student not in the MIS export, say).
/// </summary>
public sealed class ImportPhotos(CaseloadDbContext db, TimeProvider clock)
{
    /// <summary>Files in one import at most (a large college has a few thousand students).</summary>
    public const int MaxFiles = 20_000;

    public sealed record Refusal(string File, string Reason)
    {
        public override string ToString() => $"{File}: {Reason}";
    }

    /// <param name="Written">False when refusals stopped the import (nothing stored).</param>
    public sealed record Result(int Files, int Stored, int Unchanged, IReadOnlyList<Refusal> Refused, bool Written);

    /// <summary>One file to import: its name (a path inside the folder or the ZIP) and a way to read it.</summary>
    public sealed record Source(string Name, long Length, Func<Stream> Open);

    /// <summary>The files of a folder (not its sub-folders) or of a ZIP archive, in name order.</summary>
    public static IReadOnlyList<Source> From(string path, out IDisposable? keepOpen)
    {
        keepOpen = null;
        if (Directory.Exists(path))
        {
            return [.. new DirectoryInfo(path).EnumerateFiles().OrderBy(f => f.Name, StringComparer.Ordinal)
                .Select(f => new Source(f.Name, f.Length, () => f.OpenRead()))];
        }
        if (!File.Exists(path))
        {
            throw new ValidationException($"{path}: no such folder or file; expected a folder of photos or a ZIP file of them");
        }
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException)
        {
            throw new ValidationException($"{path}: not a ZIP file; expected a folder of photos or a ZIP file of them");
        }
        keepOpen = zip;
        return [.. zip.Entries.Where(e => !e.FullName.EndsWith('/')).OrderBy(e => e.FullName, StringComparer.Ordinal)
            .Select(e => new Source(e.FullName, e.Length, e.Open))];
    }

    // A file name as it can be printed: no control characters (a name is any bytes the archive holds), at most 100 characters.
    private static string Shown(string name)
    {
        var clean = new string([.. name.Select(c => char.IsControl(c) ? '?' : c)]);
        return clean.Length <= 100 ? clean : string.Concat(clean.AsSpan(0, 97), "...");
    }

    /// <param name="storeGoodOnes">Store the usable photos even when others are refused.</param>
    /// <param name="dryRun">Check every file and store nothing.</param>
    public async Task<Result> HandleAsync(int institutionId, IReadOnlyList<Source> files, bool storeGoodOnes, bool dryRun = false, CancellationToken ct = default)
    {
        if (files.Count > MaxFiles)
        {
            throw new ValidationException($"{files.Count:N0} files; expected at most {MaxFiles:N0} in one import");
        }
        var students = await Features.Imports.Lookups.StudentsAsync(db, institutionId, ct);
        var existing = await db.StudentPhotos.Where(p => db.Students.Any(s => s.Id == p.StudentId && s.InstitutionId == institutionId))
            .ToDictionaryAsync(p => p.StudentId, ct);
        var refused = new List<Refusal>();
        var seen = new Dictionary<int, string>();
        var (stored, unchanged, counted) = (0, 0, 0);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var file in files)
        {
            var name = Path.GetFileName(file.Name);
            // What operating systems leave in folders and archives is not a photo and not a mistake.
            if (name.StartsWith('.') || file.Name.StartsWith("__MACOSX/", StringComparison.Ordinal) || name.Equals("Thumbs.db", StringComparison.OrdinalIgnoreCase)
                || name.Equals("desktop.ini", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            counted++;
            var shown = Shown(file.Name);
            var extension = Path.GetExtension(name).ToLowerInvariant();
            var studentId = Path.GetFileNameWithoutExtension(name).Trim();
            if (extension is not (".jpg" or ".jpeg" or ".png"))
            {
                refused.Add(new(shown, "not named as a photo; expected the student ID then .jpg, .jpeg or .png (e.g. S1001.jpg)"));
                continue;
            }
            if (!students.TryGetValue(studentId, out var student))
            {
                refused.Add(new(shown, $"no student has the ID '{Shown(studentId)}'; expected a student_id from the students import"));
                continue;
            }
            if (seen.TryGetValue(student, out var first))
            {
                refused.Add(new(shown, $"a second photo of {Shown(studentId)} (the first is {first}); expected one photo per student"));
                continue;
            }
            seen[student] = shown;
            if (file.Length > Images.MaxFileBytes)
            {
                refused.Add(new(shown, $"the file is {file.Length / 1024 / 1024.0:0.0} MB; expected at most {Images.MaxFileBytes / 1024 / 1024} MB"));
                continue;
            }
            byte[] bytes;
            await using (var stream = file.Open())
            using (var memory = new MemoryStream())
            {
                await stream.CopyToAsync(memory, ct);
                bytes = memory.ToArray();
            }
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (existing.TryGetValue(student, out var photo) && photo.SourceHash == hash)
            {
                unchanged++;
                continue;
            }
            Images.Picture picture;
            try
            {
                picture = Images.Fit(bytes, StudentPhoto.MaxWidth, StudentPhoto.MaxHeight);
            }
            catch (ValidationException e)
            {
                refused.Add(new(shown, e.Message));
                continue;
            }
            if (photo is null)
            {
                photo = new StudentPhoto { StudentId = student, Jpeg = picture.Bytes, SourceHash = hash };
                db.StudentPhotos.Add(photo);
                existing[student] = photo;
            }
            (photo.Jpeg, photo.Width, photo.Height, photo.SourceHash, photo.UpdatedAt) = (picture.Bytes, picture.Width, picture.Height, hash, now);
            stored++;
        }
        if (dryRun || (refused.Count > 0 && !storeGoodOnes))
        {
            db.ChangeTracker.Clear();
            return new Result(counted, dryRun ? stored : 0, unchanged, refused, false);
        }
        await db.SaveChangesAsync(ct);
        return new Result(counted, stored, unchanged, refused, true);
    }
}
