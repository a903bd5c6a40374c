using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MyNumberPortal.Data.Entities;

namespace MyNumberPortal.Data.Infrastructure;

/// <summary>
/// Keeps the data-protection key ring in the <c>DataProtectionKeys</c> table, so that every portal instance sharing
/// the database uses the same keys (the package Microsoft.AspNetCore.DataProtection.EntityFrameworkCore does not
/// restore on the build machines). Each call uses a fresh <see cref="PortalDbContext"/> from the factory: the key
/// manager calls it from a singleton, at any time, on any thread. Registered by
/// <see cref="Extensions.AddPortalDataProtection"/>.
/// </summary>
public sealed partial class DatabaseXmlRepository(
    IDbContextFactory<PortalDbContext> contexts, TimeProvider time, ILogger<DatabaseXmlRepository>? logger = null) : IXmlRepository
{
    private readonly ILogger logger = logger ?? NullLogger<DatabaseXmlRepository>.Instance;

    /// <summary>Every stored element, oldest first; rows whose XML does not parse are logged and skipped.</summary>
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = contexts.CreateDbContext();
        var rows = db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => new { k.Id, k.Xml }).ToList();
        var elements = new List<XElement>(rows.Count);
        foreach (var row in rows)
        {
            try
            {
                elements.Add(XElement.Parse(row.Xml));
            }
            catch (XmlException e)
            {
                LogUnreadableKey(logger, row.Id, e);
            }
        }

        return elements.AsReadOnly();
    }

    /// <summary>Inserts the element as a new row (the key manager never updates an element; revocations are new elements).</summary>
    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var db = contexts.CreateDbContext();
        db.DataProtectionKeys.Add(new DataProtectionKey
        {
            FriendlyName = friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
            CreatedAt = time.GetUtcNow(),
        });
        db.SaveChanges();
        LogStored(logger, friendlyName);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Data-protection key row {Id} is not valid XML and is ignored.")]
    private static partial void LogUnreadableKey(ILogger logger, int id, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Stored data-protection element {FriendlyName} in the database.")]
    private static partial void LogStored(ILogger logger, string friendlyName);
}
