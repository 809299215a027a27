/// The refusals a person meets in the editor's ordinary use, in each language of its
/// interface: the editor sends the one it shows in `X-Broadside-Language`. Other refusals
/// (hostile requests, broken set-ups) and the build's own messages stay in English, as
/// `broadside build` prints them.
enum EditWords: Sendable {
    case badName(String)
    case exists(String)
    case translationExists(String)
    case notSavable(String, inSite: String?)
    case altRequired
    case notAnImage(String)
    case imageTooLarge
    case commitMessageMissing
    case gitIdentity
    case notInGit(String)
    case nothingToCommit(String)

    static let languages = ["en", "es"]

    func text(in language: String) -> String {
        language == "es" ? spanish : english
    }

    var english: String {
        switch self {
        case .badName(let name):
            "'\(name)' cannot name a file: use lowercase letters, digits and hyphens, like pc-1203-4 or town-hall-2027"
        case .exists(let path): "\(path) already exists: choose another name, or edit that file"
        case .translationExists(let path): "\(path) already exists: open it to go on translating"
        case .notSavable(let path, inSite: let site?):
            "\(path): in \(site)/ the editor saves settings (.yml) only: templates, styles and scripts are changed in a text editor"
        case .notSavable(let path, inSite: nil): "\(path): the editor saves pages (.md), tables (.csv) and settings (.yml) only"
        case .altRequired: "Describe the image for people who cannot see it: alternative text is required."
        case .notAnImage(let name):
            "\(name) is not a PNG, JPEG, GIF or WebP image: save it as one of those (SVG is not taken, since it can carry scripts)."
        case .imageTooLarge: "The image is larger than the editor takes (6 MiB): make it smaller first."
        case .commitMessageMissing: "Write a message that says what changed, for the project's history."
        case .gitIdentity:
            "git does not know who is committing. In a terminal, in the site's folder, run: git config user.name \"Your Name\" and git config user.email \"you@example.org\""
        case .notInGit(let words): "The site's folder is not in a git repository, so there is nothing to commit to: \(words)"
        case .nothingToCommit(let words): "Nothing was committed: \(words)"
        }
    }

    var spanish: String {
        switch self {
        case .badName(let name):
            "'\(name)' no sirve como nombre de archivo: use letras minúsculas sin acentos, números y guiones, como pc-1203-4 o foro-2027"
        case .exists(let path): "\(path) ya existe: elija otro nombre, o edite ese archivo"
        case .translationExists(let path): "\(path) ya existe: ábralo para seguir traduciendo"
        case .notSavable(let path, inSite: let site?):
            "\(path): en \(site)/ el editor solo guarda ajustes (.yml); las plantillas, los estilos y los scripts se cambian en un editor de texto"
        case .notSavable(let path, inSite: nil): "\(path): el editor solo guarda páginas (.md), tablas (.csv) y ajustes (.yml)"
        case .altRequired: "Describa la imagen para las personas que no pueden verla: el texto alternativo es obligatorio."
        case .notAnImage(let name):
            "\(name) no es una imagen PNG, JPEG, GIF o WebP: guárdela en uno de esos formatos (no se aceptan SVG, porque pueden llevar scripts)."
        case .imageTooLarge: "La imagen es más grande de lo que acepta el editor (6 MiB): hágala más pequeña primero."
        case .commitMessageMissing: "Escriba un mensaje que diga qué cambió, para el historial del proyecto."
        case .gitIdentity:
            "git no sabe quién guarda los cambios. En una terminal, en la carpeta del sitio, ejecute: git config user.name \"Su nombre\" y git config user.email \"usted@example.org\""
        case .notInGit(let words): "La carpeta del sitio no está en un repositorio git, así que no hay dónde guardar el cambio: \(words)"
        case .nothingToCommit(let words): "No se guardó nada en git: \(words)"
        }
    }
}

extension EditRefusal {
    init(_ status: Int, _ words: EditWords) {
        self.init(status: status, message: words.english, words: words)
    }

    /// The message in the interface's language, when the refusal has words in it.
    func message(in language: String) -> String {
        words?.text(in: language) ?? message
    }
}
