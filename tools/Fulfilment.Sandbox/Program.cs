using Fulfilment.Sandbox;
using Fulfilment.Sandbox.Host;

// The in-process Durable engine sizes its work-item slots by the processor count, fixed when the process starts:
// below the minimum, run this same command again in a child process that has it (AZURE-API.md).
return Environment.ProcessorCount < SandboxHost.MinimumProcessorCount
    ? await EngineProcess.RunAgainWithEnoughProcessorsAsync(args).ConfigureAwait(false)
    : await SandboxCommand.RunAsync(args, Console.Out, Console.Error, CancellationToken.None).ConfigureAwait(false);
