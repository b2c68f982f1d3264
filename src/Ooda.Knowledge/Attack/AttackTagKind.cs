namespace Ooda.Knowledge.Attack;

/// <summary>What a Sigma/runbook tag names.</summary>
public enum AttackTagKind
{
    /// <summary>Not a tag we recognise, or a well-formed technique/tactic id the catalogue does not know.</summary>
    Unknown,
    /// <summary><c>attack.execution</c>, <c>attack.ta0002</c>, v19 <c>attack.stealth</c>.</summary>
    Tactic,
    /// <summary><c>attack.t1059.001</c>, v19 <c>attack.t1685</c>.</summary>
    Technique,
    /// <summary><c>attack.g0125</c>: an ATT&amp;CK group (the catalogue has no group names).</summary>
    Group,
    /// <summary><c>attack.s0002</c>: ATT&amp;CK software (the catalogue has no software names).</summary>
    Software,
    /// <summary><c>attack.ds0005</c>: an ATT&amp;CK data source.</summary>
    DataSource,
    /// <summary><c>attack.m1042</c>: an ATT&amp;CK mitigation.</summary>
    Mitigation,
    /// <summary><c>attack.c0024</c>: an ATT&amp;CK campaign.</summary>
    Campaign,
    /// <summary><c>car.2016-04-005</c>: a MITRE Cyber Analytics Repository analytic.</summary>
    Car,
    /// <summary><c>cve.2021-34473</c>.</summary>
    Cve,
}
