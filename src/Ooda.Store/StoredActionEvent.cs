namespace Ooda.Store;

/// <summary>One state change of an action.</summary>
/// <param name="Number">1 for the proposal, then 2, 3, … per action.</param>
/// <param name="From">The state before; null for the proposal.</param>
/// <param name="Via">How: the channel an approval came through (phone, email, portal), or the connector (webhook, script, notice).</param>
/// <param name="AuthorizedBy">Who gave the approval or rejection on the customer's side, when not the actor.</param>
/// <param name="Mode">The tenant's response mode in force when the change was made.</param>
/// <param name="ContactsTried">For an action taken because no contact answered: who was tried.</param>
public sealed record StoredActionEvent(
    int Number,
    DateTime At,
    string Actor,
    string? From,
    string To,
    string? Via,
    string? AuthorizedBy,
    string? Mode,
    IReadOnlyList<string> ContactsTried,
    string? Note);
