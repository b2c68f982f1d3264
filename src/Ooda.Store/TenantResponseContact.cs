namespace Ooda.Store;

/// <summary>One authorised contact of a tenant and how to reach them (an e-mail address or a phone number).</summary>
public sealed record TenantResponseContact(string Name, string Channel);
