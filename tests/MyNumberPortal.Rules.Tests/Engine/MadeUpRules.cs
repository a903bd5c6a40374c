namespace MyNumberPortal.Rules.Tests.Engine;

/// <summary>Pieces of a small made-up rule set for mechanism tests (municipal facts are tested on the seed files).</summary>
internal static class MadeUpRules
{
    /// <summary>National content with one source and one phone.</summary>
    public const string National = """
        formatVersion: 1
        scope: national
        sources:
          - id: nat
            file: nat.txt
            title: {ja: 国, en: National}
        phones:
          - id: hotline
            name: {ja: ホットライン, en: Hotline}
            number: 0120-00-0000
            source: {doc: nat, quote: q}
        """;

    /// <summary>The start of 厚木市's (142123) made-up rule file: the municipality, one source (<c>city</c>) and its phone; the caller adds the rest.</summary>
    public const string MunicipalHeader = """
        formatVersion: 1
        scope: "142123"
        municipality:
          code: "142123"
          name: {ja: 市, en: City}
          inquiryPhone: city
        sources:
          - id: city
            file: city.txt
            title: {ja: 市のページ, en: City page}
        phones:
          - id: city
            name: {ja: 市役所, en: City hall}
            number: 046-225-2039
            source: {doc: city, quote: q}

        """;
}
