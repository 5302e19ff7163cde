import Content
import Diagnostics

/// The storage-provider catalog: CVAT's cloud-storage form, its fields and each provider's rules.
/// Read from `Embedded/cloud-storage.yaml`, which is compiled into the binary.
public struct Catalog: Sendable {
    public struct Rule: Sendable {
        public enum Kind: Sendable { case pattern, notPattern }
        public var kind: Kind
        public var regex: String
        public var message: String
        /// Only for Amazon itself: S3-compatible services (with `endpoint_url`) are exempt.
        public var awsOnly: Bool
        /// The rule applies only to values that match this pattern.
        public var when: String? = nil
        /// What a message shows of a value that breaks the rule: the matches of this pattern (its
        /// first group when it has one), e.g. the characters a name may not hold; nil shows the value.
        public var part: String? = nil
        /// The message shows the value's length instead of the value (rules about length).
        public var showsLength: Bool = false
    }

    public struct Field: Sendable {
        public var key: String
        public var label: String
        public var isArray: Bool
        public var required: Bool
        public var secret: Bool
        public var secretContents: Bool
        public var maxLength: Int?
        public var help: String
        public var rules: [Rule]
        public var itemMaxLength: Int?
        public var itemRules: [Rule]
    }

    public struct Attribute: Sendable {
        public var name: String
        public var help: String
        public var rules: [Rule]
    }

    public struct Provider: Sendable {
        public var id: String
        public var name: String
        public var providerType: String
        /// Set for a service that is configured as another provider (Backblaze B2 → Amazon S3).
        public var sameAs: String?
        public var note: String?
        public var labels: [String: String]
        /// Credential type → fields it requires, in the order CVAT's form shows them.
        public var credentials: [(type: String, required: [String])]
        public var optionalCredentials: [String: [String]]
        public var attributes: [String]
        public var resourceRules: [Rule]
    }

    public var title: String
    public var description: String
    public var credentialTypes: [(type: String, label: String)]
    public var fields: [Field]
    public var attributes: [String: Attribute]
    public var providers: [Provider]

    /// Fields that carry credentials; each credential type allows only some of them.
    public static let credentialFields = ["key", "secret_key", "session_token", "account_name", "connection_string", "key_file"]

    public func field(_ key: String) -> Field? { fields.first { $0.key == key } }
    public func provider(id: String) -> Provider? { providers.first { $0.id == id } }

    /// The provider whose rules apply: a `sameAs` service resolves to the provider it is configured as.
    public func effective(_ provider: Provider) -> Provider {
        guard let base = provider.sameAs, let target = self.provider(id: base) else { return provider }
        return target
    }

    /// Providers as CVAT knows them (one per `provider_type`).
    public var cvatProviders: [Provider] { providers.filter { $0.sameAs == nil } }

    public func label(of field: Field, for provider: Provider?) -> String {
        provider.flatMap { effective($0).labels[field.key] } ?? field.label
    }

    public func credentialLabel(_ type: String) -> String {
        credentialTypes.first { $0.type == type }?.label ?? type
    }
}

extension Catalog {
    /// The catalog compiled into docgen.
    public static let bundled: Catalog = {
        guard let text = EmbeddedResources.files["cloud-storage.yaml"] else {
            preconditionFailure("cloud-storage.yaml is not embedded; the build is broken")
        }
        switch CatalogReader.read(text, file: "cloud-storage.yaml") {
        case .success(let catalog): return catalog
        case .failure(let diagnostic): preconditionFailure("the bundled catalog is invalid: \(diagnostic)")
        }
    }()
}
