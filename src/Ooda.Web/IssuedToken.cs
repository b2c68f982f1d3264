namespace Ooda.Web;

/// <summary>A new API token: <paramref name="Secret"/> is shown once and never stored; <paramref name="Id"/> names it afterwards.</summary>
public sealed record IssuedToken(string Id, string UserName, string Secret);
