using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Destinations;

/// <summary>
/// A choice on a student's application — added, brought up to date as offers and replies come in, or removed: the place
/// and course, its status, the offer's grade conditions (each a grade on one of the student's courses' scales, in that
/// course or in any other subject) and the student's reply. One firm and one insurance choice an application, and only an
/// offer can be either.
/// </summary>
public sealed class RecordChoice(DestinationAccess access)
{
    /// <summary>A grade condition: in the course named by id or by its code (the API's way), or in any other subject.</summary>
    public sealed record ConditionInput(int? CourseId, string? Grade, string? CourseCode = null);

    public sealed record Input(string? Provider, string? Course, string? Code, ChoiceStatus Status, ChoiceReply Reply,
        IReadOnlyList<ConditionInput> Conditions, string? OtherConditions);

    /// <summary>Adds a choice (<paramref name="choiceId"/> null) or changes one against the version the viewer saw.</summary>
    public async Task<ApplicationChoice> HandleAsync(StudentScope scope, long applicationId, long? choiceId, int version, Input input, CancellationToken ct = default)
    {
        var application = await access.ApplicationAsync(scope, applicationId, ct);
        var db = access.Db;
        var provider = FreeText.Required(input.Provider, "the university, college or employer", ApplicationChoice.ProviderLength);
        var course = FreeText.Required(input.Course, "the course or vacancy", ApplicationChoice.CourseLength);
        var code = FreeText.Optional(input.Code, "the course code", ApplicationChoice.CodeLength);
        var other = FreeText.Optional(input.OtherConditions, "the other conditions", ApplicationChoice.OtherConditionsLength);
        if (!Enum.IsDefined(input.Status))
        {
            throw new ValidationException("choose the choice's status: applied, conditional offer, unconditional offer, unsuccessful, withdrawn or declined");
        }
        if (!Enum.IsDefined(input.Reply))
        {
            throw new ValidationException("choose the student's reply: none, firm or insurance");
        }
        var offer = input.Status is ChoiceStatus.ConditionalOffer or ChoiceStatus.UnconditionalOffer;
        if (input.Reply != ChoiceReply.None && !offer)
        {
            throw new ValidationException($"only an offer can be the {DestinationWords.Describe(input.Reply).ToLowerInvariant()} choice; this one is {DestinationWords.Describe(input.Status).ToLowerInvariant()}");
        }
        var conditions = await ConditionsAsync(application.StudentId, input, ct);

        var others = await db.ApplicationChoices.AsNoTracking().Where(c => c.ApplicationId == application.Id && c.Id != (choiceId ?? 0))
            .Select(c => new { c.Provider, c.Reply }).ToListAsync(ct);
        if (input.Reply != ChoiceReply.None && others.FirstOrDefault(o => o.Reply == input.Reply) is { } taken)
        {
            throw new ValidationException($"{taken.Provider} is already the {DestinationWords.Describe(input.Reply).ToLowerInvariant()} choice; expected one {DestinationWords.Describe(input.Reply).ToLowerInvariant()} choice an application — change that one first");
        }

        ApplicationChoice choice;
        if (choiceId is { } id)
        {
            choice = await db.ApplicationChoices.Include(c => c.Conditions).FirstOrDefaultAsync(c => c.Id == id && c.ApplicationId == application.Id, ct)
                ?? throw new NotFoundException("the choice");
            if (choice.Version != version)
            {
                throw await VersionedSave.LostToAsync(db, "this choice", choice.UpdatedBy, choice.UpdatedAt, ct);
            }
            db.OfferConditions.RemoveRange(choice.Conditions);
            choice.Conditions.Clear();
        }
        else
        {
            if (others.Count >= ApplicationChoice.MaxChoices)
            {
                throw new ValidationException($"the application has {others.Count} choices; expected at most {ApplicationChoice.MaxChoices}");
            }
            choice = new ApplicationChoice { ApplicationId = application.Id, Provider = provider, Course = course };
            db.ApplicationChoices.Add(choice);
        }
        choice.Provider = provider;
        choice.Course = course;
        choice.Code = code;
        choice.Status = input.Status;
        choice.Reply = input.Reply;
        choice.OtherConditions = other;
        choice.Conditions.AddRange(conditions.Select(c => new OfferCondition { CourseId = c.CourseId, Grade = c.Grade! }));
        choice.UpdatedAt = access.Now;
        choice.UpdatedBy = DestinationAccess.By(scope.Viewer);
        await VersionedSave.SaveAsync(db, "this choice", ct);
        return choice;
    }

    /// <summary>Removes a choice entered in error.</summary>
    public async Task RemoveAsync(StudentScope scope, long applicationId, long choiceId, int version, CancellationToken ct = default)
    {
        var application = await access.ApplicationAsync(scope, applicationId, ct);
        var db = access.Db;
        var choice = await db.ApplicationChoices.FirstOrDefaultAsync(c => c.Id == choiceId && c.ApplicationId == application.Id, ct)
            ?? throw new NotFoundException("the choice");
        if (choice.Version != version)
        {
            throw await VersionedSave.LostToAsync(db, "this choice", choice.UpdatedBy, choice.UpdatedAt, ct);
        }
        db.ApplicationChoices.Remove(choice);
        await VersionedSave.SaveAsync(db, "this choice", ct);
    }

    /// <summary>The conditions as entered, each checked: a course of the student's, a grade on its scale ("any subject":
    /// on the scale of one of the student's courses), only on a conditional offer, at most six.</summary>
    private async Task<List<ConditionInput>> ConditionsAsync(int studentId, Input input, CancellationToken ct)
    {
        var entered = input.Conditions.Where(c => !string.IsNullOrWhiteSpace(c.Grade)).ToList();
        if (entered.Count == 0)
        {
            return [];
        }
        if (input.Status != ChoiceStatus.ConditionalOffer)
        {
            throw new ValidationException("grade conditions belong to a conditional offer; expected none for this status");
        }
        if (entered.Count > ApplicationChoice.MaxConditions)
        {
            throw new ValidationException($"{entered.Count} grade conditions; expected at most {ApplicationChoice.MaxConditions}");
        }
        var db = access.Db;
        var courses = await db.Enrolments.AsNoTracking().Where(e => e.StudentId == studentId)
            .Select(e => new { e.CourseId, e.Course!.Name, e.Course.Code, Grades = db.Grades.Where(g => g.GradeScaleId == e.Course.GradeScaleId).OrderByDescending(g => g.Rank).Select(g => g.Code).ToList() })
            .ToListAsync(ct);
        var result = new List<ConditionInput>();
        foreach (var c in entered)
        {
            var grade = c.Grade!.Trim();
            var code = c.CourseCode?.Trim();
            if (c.CourseId is not null || !string.IsNullOrEmpty(code))
            {
                var course = courses.FirstOrDefault(x => c.CourseId is { } id ? x.CourseId == id : string.Equals(x.Code, code, StringComparison.OrdinalIgnoreCase))
                    ?? throw new ValidationException(c.CourseId is null
                        ? $"a condition names the course '{FreeText.Short(code!)}', which the student does not take; expected one of {string.Join(", ", courses.Select(x => x.Code).Distinct())} or any subject"
                        : "a condition names a course the student does not take; expected one of their courses or any subject");
                var courseId = course.CourseId;
                var onScale = course.Grades.FirstOrDefault(g => string.Equals(g, grade, StringComparison.OrdinalIgnoreCase))
                    ?? throw new ValidationException($"'{FreeText.Short(grade)}' is not a grade in {course.Name}; expected one of {string.Join(", ", course.Grades)}");
                result.Add(new ConditionInput(courseId, onScale));
            }
            else
            {
                var scales = courses.Select(x => x.Grades).ToList();
                var onScale = scales.SelectMany(s => s).FirstOrDefault(g => string.Equals(g, grade, StringComparison.OrdinalIgnoreCase))
                    ?? throw new ValidationException($"'{FreeText.Short(grade)}' is not a grade on any of the student's courses' scales; expected one of {string.Join(", ", scales.SelectMany(s => s).Distinct())}");
                result.Add(new ConditionInput(null, onScale));
            }
        }
        return result;
    }
}
