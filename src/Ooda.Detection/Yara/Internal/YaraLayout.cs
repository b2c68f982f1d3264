namespace Ooda.Detection.Yara.Internal;

/// <summary>
/// Field offsets of the libyara 4.2.3 structures we read, for x86-64 and AArch64 (LP64, GCC), from yara/types.h with
/// <c>#pragma pack(8)</c> and <c>DECLARE_REFERENCE</c> unions of 8 bytes. <see cref="YaraSelfCheck"/> proves them on load.
/// </summary>
internal static class YaraLayout
{
    // struct YR_RULES: arena, rules_table, strings_table, ext_vars_table, ac_transition_table, ac_match_pool,
    // ac_match_table, code_start (8 pointers), then num_rules, num_strings, num_namespaces.
    public const int RulesRulesTable = 0x08;
    public const int RulesNumRules = 0x40;

    // struct YR_RULE (48 bytes): int32 flags, int32 num_atoms, identifier, tags, metas, strings, ns.
    public const int RuleSize = 0x30;
    public const int RuleFlags = 0x00;
    public const int RuleIdentifier = 0x08;
    public const int RuleTags = 0x10;
    public const int RuleMetas = 0x18;
    public const int RuleStrings = 0x20;
    public const int RuleNamespace = 0x28;

    /// <summary>types.h: RULE_FLAGS_NULL marks the entry that ends the rules table.</summary>
    public const int RuleFlagsNull = 0x04;

    // struct YR_NAMESPACE (16 bytes): name, idx.
    public const int NamespaceName = 0x00;

    // struct YR_META (32 bytes): identifier, string, int64 integer, int32 type, int32 flags.
    public const int MetaSize = 0x20;
    public const int MetaIdentifier = 0x00;
    public const int MetaString = 0x08;
    public const int MetaInteger = 0x10;
    public const int MetaType = 0x18;
    public const int MetaFlags = 0x1C;

    /// <summary>types.h: META_TYPE_INTEGER, META_TYPE_STRING, META_TYPE_BOOLEAN.</summary>
    public const int MetaTypeInteger = 1;
    public const int MetaTypeString = 2;
    public const int MetaTypeBoolean = 3;

    /// <summary>types.h: META_FLAGS_LAST_IN_RULE.</summary>
    public const int MetaFlagsLastInRule = 0x01;

    // struct YR_STRING (56 bytes): uint32 flags, uint32 idx, int64 fixed_offset, uint32 rule_idx, int32 length,
    // string, chained_to, int32 chain_gap_min, int32 chain_gap_max, identifier.
    public const int StringSize = 0x38;
    public const int StringFlags = 0x00;
    public const int StringIndex = 0x04;
    public const int StringIdentifier = 0x30;

    /// <summary>types.h: STRING_FLAGS_LAST_IN_RULE.</summary>
    public const uint StringFlagsLastInRule = 0x1000;

    // struct YR_SCAN_CONTEXT (184 bytes on Linux, where YR_STOPWATCH is a 16-byte timespec): matches is the array of
    // YR_MATCHES indexed by YR_STRING.idx.
    public const int ContextMatches = 0xA0;

    // struct YR_MATCHES (24 bytes): head, tail, int32 count.
    public const int MatchesSize = 0x18;
    public const int MatchesHead = 0x00;

    // struct YR_MATCH (56 bytes): int64 base, int64 offset, int32 match_length, int32 data_length, data, prev, next,
    // int32 chain_length, bool is_private.
    public const int MatchBase = 0x00;
    public const int MatchOffset = 0x08;
    public const int MatchLength = 0x10;
    public const int MatchDataLength = 0x14;
    public const int MatchData = 0x18;
    public const int MatchNext = 0x28;
    public const int MatchIsPrivate = 0x34;
}
