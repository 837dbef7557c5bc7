using System.Reflection;
using Fulfilment.Catalog;

// dotnet run --project tools/Fulfilment.Catalog [output path]: writes the AsyncAPI document (default: the committed one).
var root = typeof(AsyncApiYaml).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
    .First(a => a.Key == "RepositoryRoot").Value!;
var path = Path.GetFullPath(args.Length > 0 ? args[0] : Path.Combine(root, AsyncApiYaml.RelativePath));
Directory.CreateDirectory(Path.GetDirectoryName(path)!);
await File.WriteAllTextAsync(path, AsyncApiYaml.Render());
Console.WriteLine($"Wrote {path}");
