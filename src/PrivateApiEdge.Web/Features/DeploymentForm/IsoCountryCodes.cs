namespace PrivateApiEdge.Web.Features.DeploymentForm;

/// <summary>
/// The 249 officially assigned ISO 3166-1 alpha-2 codes, the ones CloudFront's geo restriction accepts as
/// <c>Location</c>. Kept here rather than read from <c>RegionInfo</c>, which depends on ICU data that slim
/// containers (invariant globalization) lack.
/// </summary>
public static class IsoCountryCodes
{
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(
        """
        AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ
        BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
        CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ
        DE DJ DK DM DO DZ
        EC EE EG EH ER ES ET
        FI FJ FK FM FO FR
        GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY
        HK HM HN HR HT HU
        ID IE IL IM IN IO IQ IR IS IT
        JE JM JO JP
        KE KG KH KI KM KN KP KR KW KY KZ
        LA LB LC LI LK LR LS LT LU LV LY
        MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ
        NA NC NE NF NG NI NL NO NP NR NU NZ
        OM
        PA PE PF PG PH PK PL PM PN PR PS PT PW PY
        QA
        RE RO RS RU RW
        SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ
        TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ
        UA UG UM US UY UZ
        VA VC VE VG VI VN VU
        WF WS
        YE YT
        ZA ZM ZW
        """.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    /// <summary>Codes people type that ISO assigns differently (or not at all), with the code they meant.</summary>
    public static IReadOnlyDictionary<string, string> CommonMistakes { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["UK"] = "GB (United Kingdom)",
        ["EL"] = "GR (Greece)",
        ["EU"] = "the member states' codes (the EU has none of its own here)",
    };
}
