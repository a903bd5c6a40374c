using MyNumberPortal.Data.Staff;

namespace MyNumberPortal.Web.Staff;

/// <summary>
/// Commands on an existing staff account, run like <see cref="CreateStaffCommand"/> (docs/staff.md); each ends every session
/// of the account at once (a new security stamp) and is audited:
/// <c>-- set-password --user NAME</c> (a reset; the password from <c>STAFF_PASSWORD</c> or the first line of standard input,
/// never the command line; also unlocks the account), <c>-- disable-staff --user NAME</c>, <c>-- enable-staff --user NAME</c>.
/// </summary>
public static class StaffAccountCommand
{
    public const string SetPassword = "set-password";
    public const string Disable = "disable-staff";
    public const string Enable = "enable-staff";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] is SetPassword or Disable or Enable;

    /// <summary>The web host's own arguments: everything but the command's.</summary>
    public static string[] HostArgs(string[] args) => Matches(args) ? [] : args;

    /// <summary>Runs the command; returns the process exit code (0 done, 1 refused, 2 usage).</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        if (args.Length != 3 || args[1] != "--user" || string.IsNullOrWhiteSpace(args[2]))
        {
            await output.WriteLineAsync($"Usage: {SetPassword} | {Disable} | {Enable} --user NAME");
            await output.WriteLineAsync($"{SetPassword} reads the password from {CreateStaffCommand.PasswordVariable} or else from standard input.");
            return 2;
        }

        var user = args[2];
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        try
        {
            switch (args[0])
            {
                case SetPassword:
                    var password = Environment.GetEnvironmentVariable(CreateStaffCommand.PasswordVariable);
                    if (string.IsNullOrEmpty(password))
                    {
                        await output.WriteLineAsync($"New password (at least {StaffAccounts.MinPasswordLength} characters), then Enter:");
                        password = await input.ReadLineAsync(cancellationToken) ?? "";
                    }

                    await accounts.SetPasswordAsync(user, password, args[0], cancellationToken);
                    await output.WriteLineAsync($"Password of '{user.Trim()}' set; every session of the account has ended.");
                    break;
                default:
                    await accounts.SetDisabledAsync(user, args[0] == Disable, args[0], cancellationToken);
                    await output.WriteLineAsync(args[0] == Disable ? $"'{user.Trim()}' disabled; every session of the account has ended." : $"'{user.Trim()}' enabled.");
                    break;
            }

            return 0;
        }
        catch (StaffAccountException e)
        {
            await output.WriteLineAsync("Not done: " + e.Message);
            return 1;
        }
    }
}
