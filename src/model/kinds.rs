//! The closed vocabularies of a relic file: rank, category and type. Their keys are the words
//! officers write and the words the open data publishes; their labels live in the theme's
//! `i18n/<lang>.toml`, under `[rank]`, `[category]` and `[type]`.

use serde::Serialize;

macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident, $group:literal { $($variant:ident = $key:literal,)+ }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(into = "&'static str")]
        pub enum $name { $($variant,)+ }

        impl $name {
            /// The table of the theme's strings that holds the labels.
            pub const GROUP: &'static str = $group;
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key,)+ }
            }

            pub fn from_key(key: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.key() == key)
            }

            pub fn keys() -> Vec<&'static str> {
                Self::ALL.iter().map(|v| v.key()).collect()
            }
        }

        impl From<$name> for &'static str {
            fn from(value: $name) -> &'static str {
                value.key()
            }
        }
    };
}

vocabulary! {
    /// The level a relic was ranked at (Luật Di sản văn hoá).
    Rank, "rank" {
        SpecialNational = "special-national",
        National = "national",
        Provincial = "provincial",
        Unranked = "unranked",
    }
}

vocabulary! {
    /// What kind of place a relic is.
    Category, "category" {
        Temple = "temple",
        Pagoda = "pagoda",
        CommunalHouse = "communal-house",
        AncestralHall = "ancestral-hall",
        Shrine = "shrine",
        Church = "church",
        Memorial = "memorial",
        Tomb = "tomb",
        EventSite = "event-site",
        Archaeological = "archaeological",
        Landscape = "landscape",
        Other = "other",
    }
}

vocabulary! {
    /// The types of relic the law distinguishes.
    RelicType, "type" {
        Historical = "historical",
        ArchitecturalArtistic = "architectural-artistic",
        Archaeological = "archaeological",
        Landscape = "landscape",
        Mixed = "mixed",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for rank in Rank::ALL {
            assert_eq!(Rank::from_key(rank.key()), Some(*rank));
        }
        assert_eq!(
            Category::from_key("ancestral-hall"),
            Some(Category::AncestralHall)
        );
        assert_eq!(RelicType::from_key("quoc gia"), None);
    }

    #[test]
    fn serializes_as_its_key() {
        assert_eq!(
            serde_json::to_string(&Rank::SpecialNational).unwrap(),
            "\"special-national\""
        );
    }
}
