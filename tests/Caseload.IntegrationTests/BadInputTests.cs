using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Caseload.IntegrationTests;

/// <summary>Every kind refuses bad files with file:line:column messages and writes nothing (but the record of the refusal).</summary>
public sealed class BadInputTests
{
    public static TheoryData<string, string, string, string[]> Cases()
    {
        var data = new TheoryData<string, string, string, string[]>();
        foreach (var provider in new[] { "Sqlite", "Postgres" })
        {
            data.Add(provider, "students",
                "student_id,first_name,last_name,date_of_birth,year_group,send\nS9001,Ava,Lee,31/02/2010,12,Y\nS9002,,Khan,2010-01-01,12,maybe\nS9001,Ben,Ode,2010-01-01,12,N\n",
                ["bad.csv:2:4: date_of_birth '31/02/2010' is not a date; expected yyyy-MM-dd or dd/MM/yyyy",
                 "bad.csv:3:2: first_name is empty; a value is required",
                 "bad.csv:3:6: send 'maybe' is not a yes/no value; expected Y or N, true or false, 1 or 0",
                 "bad.csv:4:1: student_id 'S9001' appears again (first on line 2); expected one row per student"]);
            data.Add(provider, "staff",
                "staff_id,first_name,last_name,email,roles\nT9,Jo,Bloggs,not-an-email,tutor;head-teacher\n",
                ["bad.csv:2:4: email 'not-an-email' is not an e-mail address; expected name@school.example",
                 "bad.csv:2:5: role 'head-teacher' is not known; expected one or more of administrator, senior-leader, progress-leader, senior-tutor, tutor, subject-teacher, safeguarding-lead, wellbeing, learning-support, careers, student-services, counsellor separated by ';'"]);
            data.Add(provider, "tutor-groups",
                "tutor_group,year_group,tutor_staff_id\n13Z,13,T999\n",
                ["bad.csv:2:3: tutor_staff_id 'T999' is not a member of staff; expected a staff_id from the staff import (import staff first)"]);
            data.Add(provider, "enrolments",
                "student_id,course_code,course_name,qualification,grade_scale,target_grade\nS1001,ALCHE,Chemistry,A level,A-LEVEL,Z\nS1002,ALCHE,Chemistry,A level,GCSE-99,\nS4040,ALCHE,Chemistry,A level,A-LEVEL,B\n",
                ["bad.csv:2:6: target_grade 'Z' is not on the A-LEVEL scale; expected one of A*, A, B, C, D, E, U",
                 "bad.csv:3:5: grade_scale 'GCSE-99' is not one of this institution's scales; expected a code or name: A-LEVEL (A level), AS (AS level), BTEC-DIP (BTEC National Diploma (double)), BTEC-EC (BTEC National Extended Certificate (single)), BTEC-ED (BTEC National Extended Diploma (triple)), GCSE (GCSE 9–1), GCSE-LETTER (GCSE A*–G (before 2017)), T-LEVEL (T Level)",
                 "bad.csv:4:1: student_id 'S4040' is not a student of this institution; expected a student_id from the students import"]);
            data.Add(provider, "attendance",
                "student_id,date,session,code,minutes_late\nS1001,2026-09-09,AM,Q9,\nS1001,2026-09-09,Period 3!,/,\nS1001,2026-09-10,AM,L,lots\nS1001,2026-09-07,AM,/,\n",
                ["bad.csv:2:4: code 'Q9' is not in this institution's code table; expected one of # / B C C1 C2 D E G H I J J1 K L M N O P Q R S T U V W X Y Y1 Y2 Y3 Y4 Y5 Y6 Y7 Z \\",
                 "bad.csv:3:3: session 'Period 3!' is not a session; expected AM, PM or a lesson id such as P3 (letters, digits, '-', '_' or '.', up to 16)",
                 "bad.csv:4:5: minutes_late 'lots' is not a whole number from 0 to 600"]);
            data.Add(provider, "grades",
                "student_id,course_code,data_point,grade\nS1001,ALMAT,Autumn 2,Q\nS1001,ALCHE,Autumn 2,B\n",
                ["bad.csv:2:4: grade 'Q' is not on the A-LEVEL scale of course 'ALMAT'; expected one of A*, A, B, C, D, E, U",
                 "bad.csv:3:2: the student is not enrolled on course 'ALCHE'; expected a course from the enrolments import"]);
            data.Add(provider, "behaviour",
                "student_id,date,type,category,points\nS1001,2026-09-20,naughty,Disruption,-2\nS1002,2026-09-20,negative,Disruption,minus two\n",
                ["bad.csv:2:3: type 'naughty' is not a behaviour type; expected positive or negative",
                 "bad.csv:3:5: points 'minus two' is not a whole number from -1000 to 1000"]);
            // A NUL (which PostgreSQL cannot store) and a terminal escape: located, never echoed.
            data.Add(provider, "behaviour",
                "student_id,date,type,category,points,description\nS1001,2026-09-20,negative,Disruption,-2,Shouted\u0000\nS1002,2026-09-20,negative,\u001b[31mRed,-1,x\n",
                ["bad.csv:2:6: this field holds a control character (U+0000); expected plain text (save the file again as 'CSV UTF-8')",
                 "bad.csv:3:4: this field holds a control character (U+001B); expected plain text (save the file again as 'CSV UTF-8')"]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_files_are_refused_with_every_problem_located_and_nothing_written(string provider, string kind, string csv, string[] expected)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        var before = await db.CountsAsync();

        var result = await db.ImportTextAsync(institution, kind, csv, file: "bad.csv");

        Assert.Equal(ImportOutcome.Refused, result.Outcome);
        Assert.Equal(expected, result.Problems.Select(p => p.ToString()));
        var after = await db.CountsAsync();
        Assert.Equal(before["import_runs"] + 1, after["import_runs"]);
        after["import_runs"]--;
        Assert.Equal(before, after);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_closed_data_point_refuses_grades(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using (var context = db.NewContext())
        {
            await context.DataPoints.ExecuteUpdateAsync(s => s.SetProperty(d => d.IsOpen, false));
        }
        var result = await db.ImportTextAsync(institution, "grades", "student_id,course_code,data_point,grade\nS1001,ALMAT,autumn 1,A\n", file: "late.csv");
        Assert.Equal("late.csv:2:3: data point 'Autumn 1' is closed; expected an open data point (ask an administrator to reopen it)", Assert.Single(result.Problems).ToString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task One_bad_row_in_the_middle_of_a_large_file_leaves_the_database_unchanged(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        var before = await db.CountsAsync();

        // 60,000 lesson marks for the five sample students (200 a day each, so that they fit in the 60 days from 1 September
        // to today), with one unknown code on line 30,001.
        var lines = new List<string> { "student_id,date,session,code,minutes_late" };
        var day = new DateOnly(2026, 9, 1);
        while (lines.Count <= 60_000)
        {
            foreach (var student in new[] { "S1001", "S1002", "S1003", "S1004", "S1005" })
            {
                for (var p = 1; p <= 200 && lines.Count <= 60_000; p++)
                {
                    lines.Add($"{student},{day:yyyy-MM-dd},P{p},{(lines.Count == 30_000 ? "ZZ" : "/")},");
                }
            }
            day = day.AddDays(1);
        }
        var result = await db.ImportTextAsync(institution, "attendance", string.Join("\n", lines), file: "big.csv");

        Assert.Equal(ImportOutcome.Refused, result.Outcome);
        Assert.Equal(60_000, result.Rows);
        Assert.StartsWith("big.csv:30001:4: code 'ZZ' is not in this institution's code table", Assert.Single(result.Problems).ToString());
        var after = await db.CountsAsync();
        after["import_runs"]--;
        Assert.Equal(before, after);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Duplicate_marks_in_one_file_are_refused(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        var result = await db.ImportTextAsync(institution, "attendance",
            "student_id,date,session,code\nS1001,2026-09-09,am,/\nS1001,09/09/2026,AM,N\n", file: "dup.csv");
        Assert.Equal("dup.csv:3:3: a mark for this student on 2026-09-09 AM appears again (first on line 2); expected one mark per student, date and session",
            Assert.Single(result.Problems).ToString());
    }
}
