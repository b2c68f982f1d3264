using Ooda.Core;
using Ooda.Engine.Cases;
using Ooda.Investigation.Lateral;
using Ooda.Investigation.ProcessTrees;
using Ooda.Investigation.Timeline;
using Ooda.Store;

namespace Ooda.Cli.Commands;

/// <summary>The demo's investigation stage: the case opened from the lead, and its timeline, process tree and graph.</summary>
internal sealed record DemoCase(
    StoredCase Case,
    Finding Lead,
    CaseExpansionResult Expansion,
    TimelineResult Timeline,
    ProcessTree Tree,
    LateralGraph Graph);
