using MyNumberPortal.Data.Entities;
using MyNumberPortal.Data.Staff;

namespace MyNumberPortal.Web.Staff;

/// <summary>
/// <c>dotnet run --project src/MyNumberPortal.Web -- create-staff --user NAME --role Admin|Clerk (--municipality 131091 | --all)</c>:
/// creates one staff account in the configured database and exits. The password comes from the environment variable
/// <c>STAFF_PASSWORD</c> or, if that is not set, the first line of standard input (never from the command line).
/// </summary>
public static class CreateStaffCommand
{
    public const string Name = "create-staff";

    public const string PasswordVariable = "STAFF_PASSWORD";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Name;

    /// <summary>The web host's own arguments: everything but the command's (so configuration switches still apply).</summary>
    public static string[] HostArgs(string[] args) => Matches(args) ? [] : args;

    /// <summary>Runs the command; returns the process exit code (0 created, 1 refused, 2 usage).</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        string? user = null, role = null, code = null;
        var all = false;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--user" when i + 1 < args.Length:
                    user = args[++i];
                    break;
                case "--role" when i + 1 < args.Length:
                    role = args[++i];
                    break;
                case "--municipality" when i + 1 < args.Length:
                    code = args[++i];
                    break;
                case "--all":
                    all = true;
                    break;
                default:
                    await output.WriteLineAsync($"Unknown or incomplete option '{args[i]}'.");
                    return Usage(output);
            }
        }

        if (user is null || role is null)
        {
            return Usage(output);
        }

        role = role.Equals(StaffRoles.Admin, StringComparison.OrdinalIgnoreCase) ? StaffRoles.Admin
            : role.Equals(StaffRoles.Clerk, StringComparison.OrdinalIgnoreCase) ? StaffRoles.Clerk : role;
        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (string.IsNullOrEmpty(password))
        {
            await output.WriteLineAsync($"Password (at least {StaffAccounts.MinPasswordLength} characters), then Enter:");
            password = await input.ReadLineAsync(cancellationToken) ?? "";
        }

        await using var scope = services.CreateAsyncScope();
        try
        {
            var account = await scope.ServiceProvider.GetRequiredService<StaffAccounts>()
                .CreateAsync(user, password, role, code, all, "create-staff", cancellationToken);
            await output.WriteLineAsync($"Created {account.Role} '{account.UserName}' for {(account.AllMunicipalities ? "all municipalities" : account.MunicipalityCode)}.");
            return 0;
        }
        catch (StaffAccountException e)
        {
            await output.WriteLineAsync("Not created: " + e.Message);
            return 1;
        }
    }

    private static int Usage(TextWriter output)
    {
        output.WriteLine("Usage: create-staff --user NAME --role Admin|Clerk (--municipality CODE | --all)");
        output.WriteLine($"The password is read from {PasswordVariable} or else from standard input.");
        return 2;
    }
}
