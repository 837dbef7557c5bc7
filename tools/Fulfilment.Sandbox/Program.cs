using Fulfilment.Sandbox;

return await SandboxCommand.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
