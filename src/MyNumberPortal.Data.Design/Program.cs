// Design-time host for `dotnet ef` only; see docs/data.md.
Console.WriteLine("MyNumberPortal.Data.Design is the start-up project for `dotnet ef` (see docs/data.md); it does nothing on its own.");
