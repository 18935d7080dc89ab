using System.Text;
using Caseload.Core.Features.Imports;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Caseload.IntegrationTests.Imports;

/// <summary>
/// Every import kind, fed its sample file broken at random (CsCheck generators, a fixed seed, a bounded run): bytes
/// inserted, removed and flipped, NUL and escape characters, invalid UTF-8, byte-order marks of other encodings, fields
/// far over the limit, files cut short, lines repeated, pure noise. Each import either succeeds or is refused with
/// problems located at file:line:column and free of control characters; a refused one writes nothing; none crashes.
/// </summary>
public sealed class ImportFuzzTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Seed = "0000000000J1";
    private const int FilesPerKind = 30;
    private static readonly string[] Kinds = ["staff", "tutor-groups", "students", "year-groups", "houses", "caseloads", "contacts", "enrolments", "attendance", "grades", "behaviour"];
    private static readonly string[] Tables = ["staff", "staff_roles", "tutor_groups", "year_groups", "houses", "students", "caseload_members", "student_contacts",
        "courses", "enrolments", "attendance_marks", "attendance_weeks", "assessment_grades", "behaviour_events", "grades", "data_points"];

    private sealed record Mutation(string What, int At, int Size, byte[] Bytes)
    {
        public override string ToString() => $"{What} at {At / 100.0:0.##}% ({Size}{(Bytes.Length > 0 ? " " + Convert.ToHexString(Bytes[..Math.Min(8, Bytes.Length)]) : "")})";
    }

    private static readonly Gen<int> Where = Gen.Int[0, 10_000];
    private static readonly Gen<Mutation> OneMutation = Gen.OneOf(
        Gen.Select(Where, Gen.Byte.Array[1, 8], (at, b) => new Mutation("insert bytes", at, b.Length, b)),
        Gen.Select(Where, Gen.OneOf<byte>(0x00, 0x1b, 0x07, 0x7f, 0x0d, 0x0a, 0x22, 0x2c, 0x3b, 0x09), (at, b) => new Mutation("insert a character", at, 1, [b])),
        Gen.Select(Where, Gen.OneOf<byte[]>([0xff], [0xc3, 0x28], [0xe2, 0x82], [0xf0, 0x9f, 0x98, 0x80], [0xef, 0xbb, 0xbf]), (at, b) => new Mutation("insert UTF-8 (valid or not)", at, b.Length, b)),
        Gen.Select(Where, Gen.Int[1, 300], (at, n) => new Mutation("delete", at, n, [])),
        Gen.Select(Where, Gen.Byte, (at, b) => new Mutation("overwrite a byte", at, 1, [b])),
        Gen.Select(Where, Gen.Int[9_000, 60_000], (at, n) => new Mutation("a huge field", at, n, [])),
        Gen.Select(Where, at => new Mutation("cut short", at, 0, [])),
        Gen.Select(Where, Gen.Int[2, 2_000], (at, n) => new Mutation("repeat a line", at, n, [])),
        Gen.OneOf<Mutation>(new Mutation("UTF-16 byte-order mark", 0, 0, [0xff, 0xfe]), new Mutation("UTF-8 byte-order mark", 0, 0, [0xef, 0xbb, 0xbf]), new Mutation("empty file", 0, 0, [])),
        Gen.Select(Gen.Byte.Array[0, 3_000], b => new Mutation("noise", 0, b.Length, b)));
    private static readonly Gen<Mutation[]> Mutations = OneMutation.Array[1, 3];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Broken_files_of_every_kind_are_refused_whole_and_located_and_nothing_crashes(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        foreach (var kind in Kinds)
        {
            Assert.True((await db.ImportFileAsync(institution, kind, Samples.PathOf(kind))).Succeeded, kind);
        }
        var pcg = PCG.Parse(Seed);
        int accepted = 0, refused = 0;
        foreach (var kind in Kinds)
        {
            var sample = await File.ReadAllBytesAsync(Samples.PathOf(kind));
            for (var i = 0; i < FilesPerKind; i++)
            {
                var mutations = Mutations.Generate(pcg, null, out _);
                var file = Apply(sample, mutations);
                var what = $"{kind} file {i} ({file.Length} bytes): {string.Join("; ", mutations.Select(m => m.ToString()))}";
                var before = await CountsAsync(db);
                ImportResult result;
                try
                {
                    result = await db.RunAsync(async s =>
                    {
                        using var stream = new MemoryStream(file);
                        return await s.GetRequiredService<Importer>().RunAsync(kind, new ImportRequest(institution, $"{kind}.csv", stream, "fuzz"));
                    });
                }
                catch (Exception e)
                {
                    Assert.Fail($"{what}: crashed with {e.GetType().Name}: {e.Message}");
                    throw;
                }
                if (result.Succeeded)
                {
                    accepted++;
                    continue;
                }
                refused++;
                Assert.True(result.Problems.Count > 0, $"{what}: refused without a problem");
                foreach (var problem in result.Problems)
                {
                    Assert.True(problem.File == $"{kind}.csv" && problem.Line >= 1 && problem.Column >= 1, $"{what}: not located: {problem}");
                    Assert.False(problem.ToString().Any(char.IsControl), $"{what}: a control character in the message {problem}");
                }
                var after = await CountsAsync(db);
                Assert.True(before.AsEnumerable().SequenceEqual(after), $"{what}: refused, but the tables changed");
            }
        }
        output.WriteLine($"{provider}: {Kinds.Length * FilesPerKind} broken files, {accepted} accepted (still valid), {refused} refused whole");
        Assert.True(refused > Kinds.Length * FilesPerKind / 2, $"only {refused} refused: the mutations are too gentle to test anything");
    }

    private static byte[] Apply(byte[] sample, Mutation[] mutations)
    {
        var bytes = new List<byte>(sample);
        foreach (var m in mutations)
        {
            var at = (int)((long)m.At * bytes.Count / 10_000);
            switch (m.What)
            {
                case "insert bytes" or "insert a character" or "insert UTF-8 (valid or not)":
                    bytes.InsertRange(at, m.Bytes);
                    break;
                case "delete":
                    bytes.RemoveRange(at, Math.Min(m.Size, bytes.Count - at));
                    break;
                case "overwrite a byte" when at < bytes.Count:
                    bytes[at] = m.Bytes[0];
                    break;
                case "a huge field":
                    bytes.InsertRange(at, Encoding.ASCII.GetBytes(new string('x', m.Size)));
                    break;
                case "cut short":
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case "repeat a line" when bytes.Count > 0:
                    var start = bytes.LastIndexOf((byte)'\n', Math.Clamp(at - 1, 0, bytes.Count - 1)) + 1;
                    var end = bytes.IndexOf((byte)'\n', Math.Max(at, start));
                    var line = bytes.GetRange(start, (end < 0 ? bytes.Count : end + 1) - start).ToArray();
                    for (var r = 0; r < m.Size && line.Length > 0; r++)
                    {
                        bytes.InsertRange(start, line);
                    }
                    break;
                case "UTF-16 byte-order mark" or "UTF-8 byte-order mark":
                    bytes.InsertRange(0, m.Bytes);
                    break;
                case "empty file":
                    bytes.Clear();
                    break;
                case "noise":
                    bytes = [.. m.Bytes];
                    break;
            }
        }
        return [.. bytes];
    }

    private static async Task<long[]> CountsAsync(TestDatabase db)
    {
        await using var context = db.NewContext();
        var counts = new long[Tables.Length];
        for (var i = 0; i < Tables.Length; i++)
        {
#pragma warning disable EF1002 // the table names are this test's own constants
            counts[i] = await context.Database.SqlQueryRaw<long>($"SELECT COUNT(*) AS \"Value\" FROM {Tables[i]}").SingleAsync();
#pragma warning restore EF1002
        }
        return counts;
    }
}
