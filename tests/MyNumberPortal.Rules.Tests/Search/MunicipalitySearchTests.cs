using MyNumberPortal.Rules.Model;
using MyNumberPortal.Rules.Search;
using MyNumberPortal.Rules.Tests.Seeds;

namespace MyNumberPortal.Rules.Tests.Search;

public sealed class MunicipalitySearchTests
{
    /// <summary>The five seed municipalities, in this (non-code) order, so that stable ordering is visible.</summary>
    private static readonly IReadOnlyList<MunicipalityInfo> Seeds =
        new[] { "142123", "132101", "151009", "131091", "131237" }.Select(c => SeedRules.For(c).Municipality).ToList();

    private static string[] Find(string? query) => MunicipalitySearch.Find(Seeds, query).Select(m => m.Code).ToArray();

    [Fact]
    public void The_seeds_are_the_five_municipalities_with_their_readings()
    {
        Assert.Equal(["厚木市", "小金井市", "新潟市", "品川区", "江戸川区"], Seeds.Select(m => m.Name.Ja));
        Assert.Equal(["あつぎし", "こがねいし", "にいがたし", "しながわく", "えどがわく"], Seeds.Select(m => m.Kana));
        Assert.Equal(["Atsugi", "Koganei", "Niigata", "Shinagawa", "Edogawa"], Seeds.Select(m => m.Romaji));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u3000\t")]
    [InlineData("・-")]
    public void An_empty_query_lists_all_in_input_order(string? query) =>
        Assert.Equal(["142123", "132101", "151009", "131091", "131237"], Find(query));

    [Theory]
    // Shinagawa, however it is typed.
    [InlineData("品川区", "131091")]
    [InlineData("品川", "131091")]
    [InlineData("品川市", "131091")]
    [InlineData("品川町", "131091")]
    [InlineData(" 品川 区 ", "131091")]
    [InlineData("しながわく", "131091")]
    [InlineData("しながわ", "131091")]
    [InlineData("しながわし", "131091")]
    [InlineData("シナガワ", "131091")]
    [InlineData("シナガワク", "131091")]
    [InlineData("ｼﾅｶﾞﾜ", "131091")]
    [InlineData("ｼﾅｶﾞﾜｸ", "131091")]
    [InlineData("shinagawa", "131091")]
    [InlineData("Shinagawa", "131091")]
    [InlineData("SHINAGAWA", "131091")]
    [InlineData("ｓｈｉｎａｇａｗａ", "131091")]
    [InlineData("shinagawaku", "131091")]
    [InlineData("shinagawa-ku", "131091")]
    [InlineData("Shinagawa Ku", "131091")]
    [InlineData("shinagawashi", "131091")]
    [InlineData("Shinagawa City", "131091")]
    [InlineData("shinagawa city", "131091")]
    [InlineData("Shinagawa-ward", "131091")]
    [InlineData("shinag", "131091")]
    [InlineData("しな", "131091")]
    // Edogawa.
    [InlineData("江戸川", "131237")]
    [InlineData("江戸川区", "131237")]
    [InlineData("えどがわ", "131237")]
    [InlineData("edogawa ku", "131237")]
    [InlineData("Edogawa-ku", "131237")]
    [InlineData("Edogawaku", "131237")]
    [InlineData("Edogawa City", "131237")]
    [InlineData("江戸", "131237")]
    // Niigata.
    [InlineData("新潟", "151009")]
    [InlineData("新潟市", "151009")]
    [InlineData("新潟区", "151009")]
    [InlineData("にいがた", "151009")]
    [InlineData("にいがたし", "151009")]
    [InlineData("ニイガタ", "151009")]
    [InlineData("Niigata", "151009")]
    [InlineData("niigata-shi", "151009")]
    [InlineData("新潟県", "151009")]
    // Koganei and Atsugi.
    [InlineData("小金井", "132101")]
    [InlineData("小金井区", "132101")]
    [InlineData("こがねい", "132101")]
    [InlineData("Koganei-shi", "132101")]
    [InlineData("koganeishi", "132101")]
    [InlineData("厚木", "142123")]
    [InlineData("あつぎ", "142123")]
    [InlineData("アツギシ", "142123")]
    [InlineData("Atsugi City", "142123")]
    [InlineData("atsugishi", "142123")]
    [InlineData("神奈川", "142123")]
    [InlineData("神奈川県", "142123")]
    [InlineData("Kanagawa", "142123")]
    [InlineData("kanagawa-ken", "142123")]
    public void A_name_typed_any_way_finds_that_municipality_first(string query, string code)
    {
        var found = Find(query);
        Assert.NotEmpty(found);
        Assert.Equal(code, found[0]);
    }

    [Theory]
    [InlineData("品川区", new[] { "131091" })]
    [InlineData("しながわく", new[] { "131091" })]
    [InlineData("shinagawaku", new[] { "131091" })]
    [InlineData("新潟", new[] { "151009" })]
    [InlineData("にいがた", new[] { "151009" })]
    [InlineData("江戸川", new[] { "131237" })]
    [InlineData("edogawa ku", new[] { "131237" })]
    [InlineData("厚木市", new[] { "142123" })]
    public void A_specific_name_finds_only_that_municipality(string query, string[] codes) =>
        Assert.Equal(codes, Find(query));

    [Theory]
    [InlineData("東京", new[] { "132101", "131091", "131237" })]
    [InlineData("東京都", new[] { "132101", "131091", "131237" })]
    [InlineData("tokyo", new[] { "132101", "131091", "131237" })]
    [InlineData("Tokyo", new[] { "132101", "131091", "131237" })]
    [InlineData("Tōkyō", new[] { "132101", "131091", "131237" })]
    [InlineData("toukyou", new[] { "132101", "131091", "131237" })]
    [InlineData("ＴＯＫＹＯ", new[] { "132101", "131091", "131237" })]
    [InlineData("tokyo-to", new[] { "132101", "131091", "131237" })]
    [InlineData("Kanagawa", new[] { "142123" })]
    [InlineData("Niigata Prefecture", new[] { "151009" })]
    public void The_prefecture_lists_its_municipalities_in_input_order(string query, string[] codes) =>
        Assert.Equal(codes, Find(query));

    [Theory]
    [InlineData("142123", new[] { "142123" })]
    [InlineData("14212", new[] { "142123" })]
    [InlineData("1421", new[] { "142123" })]
    [InlineData("14", new[] { "142123" })]
    [InlineData("131091", new[] { "131091" })]
    [InlineData("13109", new[] { "131091" })]
    [InlineData("１３１０９１", new[] { "131091" })]
    [InlineData("13109-1", new[] { "131091" })]
    [InlineData("1312", new[] { "131237" })]
    [InlineData("131", new[] { "131091", "131237" })]
    [InlineData("13", new[] { "132101", "131091", "131237" })]
    [InlineData("1", new[] { "142123", "132101", "151009", "131091", "131237" })]
    public void Digits_match_the_code_by_prefix(string query, string[] codes) =>
        Assert.Equal(codes, Find(query));

    [Theory]
    [InlineData("大阪")]
    [InlineData("大阪市")]
    [InlineData("xyz")]
    [InlineData("osaka")]
    [InlineData("京都")]
    [InlineData("kyoto")]
    [InlineData("横浜")]
    [InlineData("142124")]
    [InlineData("1421234")]
    [InlineData("99")]
    [InlineData("000000")]
    [InlineData("toshi")]
    [InlineData("city")]
    [InlineData("ku")]
    [InlineData("しながわx")]
    [InlineData("shinagawaz")]
    [InlineData("品川駅")]
    public void Other_places_and_noise_find_nothing(string query) =>
        Assert.Empty(Find(query));

    [Fact]
    public void A_query_longer_than_64_characters_finds_nothing()
    {
        var exactly64 = "品川" + new string(' ', 62);
        Assert.Equal(64, exactly64.Length);
        Assert.Equal(["131091"], Find(exactly64));
        Assert.Empty(Find(exactly64 + " "));
        Assert.Empty(Find(new string('a', 65)));
        Assert.Empty(Find(string.Concat(Enumerable.Repeat("shinagawa", 10))));
    }

    [Fact]
    public void A_substring_lists_every_municipality_containing_it_in_input_order()
    {
        Assert.Equal(["131091", "131237"], Find("川"));
        Assert.Equal(["131091", "131237"], Find("gawa"));
        Assert.Equal(["131091", "131237"], Find("がわ"));
        Assert.Equal(["142123", "132101", "151009"], Find("市"));
        Assert.Equal(["131091", "131237"], Find("区"));
    }

    [Fact]
    public void Exact_matches_come_before_prefix_matches_and_those_before_substring_matches()
    {
        var list = new List<MunicipalityInfo>
        {
            Make("900001", "大川町", "おおかわまち", "Okawa", "北", "North"),     // substring of 川
            Make("900002", "川内村", "かわうちむら", "Kawauchi", "北", "North"), // prefix 川
            Make("900003", "川市", "かわし", "Kawa", "北", "North"),             // exact (stem 川)
        };
        Assert.Equal(["900003", "900002", "900001"], MunicipalitySearch.Find(list, "川").Select(m => m.Code));
        Assert.Equal(["900003", "900002", "900001"], MunicipalitySearch.Find(list, "kawa").Select(m => m.Code));
        Assert.Equal(["900003", "900002", "900001"], MunicipalitySearch.Find(list, "かわ").Select(m => m.Code));
    }

    [Fact]
    public void Name_matches_come_before_prefecture_matches()
    {
        var nagaoka = Make("152021", "長岡市", "ながおかし", "Nagaoka", "新潟県", "Niigata Prefecture");
        var list = new List<MunicipalityInfo> { nagaoka }.Concat(Seeds).ToList();
        Assert.Equal(["151009", "152021"], MunicipalitySearch.Find(list, "新潟").Select(m => m.Code));
        Assert.Equal(["151009", "152021"], MunicipalitySearch.Find(list, "niigata").Select(m => m.Code));
        Assert.Equal(["152021"], MunicipalitySearch.Find(list, "ながおか").Select(m => m.Code));
        Assert.Equal(["152021"], MunicipalitySearch.Find(list, "Nagaoka-shi").Select(m => m.Code));
    }

    [Fact]
    public void Towns_and_villages_are_found_without_their_suffix()
    {
        var list = new List<MunicipalityInfo>
        {
            Make("900011", "大磯町", "おおいそまち", "Ōiso", "神奈川県", "Kanagawa"),
            Make("900012", "清川村", "きよかわむら", "Kiyokawa", "神奈川県", "Kanagawa"),
        };
        string[] Codes(string q) => MunicipalitySearch.Find(list, q).Select(m => m.Code).ToArray();
        Assert.Equal(["900011"], Codes("大磯"));
        Assert.Equal(["900011"], Codes("大磯市"));
        Assert.Equal(["900011"], Codes("おおいそ"));
        Assert.Equal(["900011"], Codes("おおいそちょう"));
        Assert.Equal(["900011"], Codes("oiso"));
        Assert.Equal(["900011"], Codes("Ooiso"));
        Assert.Equal(["900011"], Codes("Ōiso-machi"));
        Assert.Equal(["900012"], Codes("清川"));
        Assert.Equal(["900012"], Codes("きよかわそん"));
        Assert.Equal(["900012"], Codes("Kiyokawa Village"));
        Assert.Equal(["900012"], Codes("kiyokawamura"));
    }

    [Theory]
    [InlineData("Shinagawa City", "shinagawa city")]
    [InlineData("ｼﾅｶﾞﾜ", "しながわ")]
    [InlineData("シナガワ・ク", "しながわ く")]
    [InlineData("Tōkyō", "tokyo")]
    [InlineData("Toukyou", "tokyo")]
    [InlineData("ＳＨＩＮＡＧＡＷＡ－ＫＵ", "shinagawa ku")]
    [InlineData("  品川　区  ", "品川 区")]
    [InlineData("１３１０９１", "131091")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Normalize_folds_width_case_kana_accents_and_punctuation(string? text, string expected) =>
        Assert.Equal(expected, MunicipalitySearch.Normalize(text));

    [Fact]
    public void The_input_is_not_changed_and_may_be_empty()
    {
        Assert.Empty(MunicipalitySearch.Find([], "品川"));
        Assert.Empty(MunicipalitySearch.Find([], null));
        Assert.Throws<ArgumentNullException>(() => MunicipalitySearch.Find(null!, "品川"));
    }

    private static MunicipalityInfo Make(string code, string ja, string kana, string romaji, string prefectureJa, string prefectureEn) => new()
    {
        Code = code,
        Name = new LocalText { Ja = ja, En = romaji + " Town" },
        Kana = kana,
        Romaji = romaji,
        Prefecture = new LocalText { Ja = prefectureJa, En = prefectureEn },
    };
}
