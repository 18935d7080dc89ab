using Caseload.Cli;

return await CaseloadCommand.RunAsync(args, Console.Out, Console.Error);
