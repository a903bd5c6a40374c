using MyNumberPortal.Data.Entities;

namespace MyNumberPortal.Web.Admin;

/// <summary>The form that creates a staff account from the console (no password: a temporary one is made and shown once).</summary>
public sealed class StaffAccountInput
{
    public string UserName { get; set; } = "";
    public string Role { get; set; } = StaffRoles.Clerk;
    public bool AllMunicipalities { get; set; }

    public static StaffAccountInput Read(FormReader r) => new()
    {
        UserName = r.Text(nameof(UserName)), Role = r.Text(nameof(Role)), AllMunicipalities = r.Checked(nameof(AllMunicipalities)),
    };
}
