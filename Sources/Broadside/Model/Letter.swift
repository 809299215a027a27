/// A page written as a letter to officials (`letter: {to: officials.csv}`): the page itself
/// becomes the place to find one's official, and each official gets a page of their own and a
/// printable letter, filled in from their row of the CSV.
public struct Letter: Sendable {
    /// The page, by its address: its words are read from the site's page at render time, so a
    /// rebuild after an edit to the text alone fills in the new text.
    public var page: Route
    public var language: String
    /// What the letter's translations share (`ContentPage.translationKey`).
    public var translationKey: String
    public var officials: [Official]
}

/// One row of a letter's CSV: who the letter goes to and how to reach them.
public struct Official: Sendable {
    public var name: String
    /// Every column's value by its name, `name` and `county` too: what the letter's fields read.
    public var values: [String: String]
    public var slug: String
    /// Their page, inside the letter's folder, and their printable letter.
    public var route: Route
    public var print: Route
    public var pdf: Route

    public var county: String { values["county"] ?? "" }
    public var title: String { values["title"] ?? "" }
    public var address: String { values["address"] ?? "" }
    public var phone: String { values["phone"] ?? "" }
    public var email: String { values["email"] ?? "" }
}
