//! Distinct visitors, counted without keeping who they were.
//!
//! A visitor is a pair (address, user agent). Each pair is reduced at once to 64 bits by a
//! keyed BLAKE3 hash whose key is drawn from the operating system for each run and never
//! written anywhere: without the key the hashes cannot be matched to an address, not even by
//! trying all four billion IPv4 addresses, and the key is gone when the run ends. Only the
//! hashes' traces in HyperLogLog++ sketches are kept, and only while the run lasts.
//!
//! The sketches are `hyperloglockless`'s HyperLogLog++: while a sketch holds few visitors it
//! keeps their hashes in a sparse list and its estimate is exact in practice; past a few
//! thousand it switches to 2^14 registers, whose estimates are within about 0.8 % (one
//! standard error).

use std::hash::BuildHasherDefault;

use hyperloglockless::HyperLogLogPlus;

/// `2^14` registers once dense: a standard error of `1.04 / sqrt(2^14)` ≈ 0.8 %, 16 KiB a
/// sketch. Most sketches, one per relic and day, stay sparse and far smaller.
const PRECISION: u8 = 14;

/// The key of one run, to hash visitors with.
pub struct VisitorKey([u8; 32]);

impl VisitorKey {
    /// A key drawn from the operating system's random source.
    pub fn random() -> Result<VisitorKey, getrandom::Error> {
        let mut key = [0; 32];
        getrandom::fill(&mut key)?;
        Ok(VisitorKey(key))
    }

    /// A fixed key, for tests that must give the same estimates every run.
    pub fn fixed(key: [u8; 32]) -> VisitorKey {
        VisitorKey(key)
    }

    /// The visitor's hash: the same for the same address and user agent during one run.
    pub fn visitor(&self, address: &str, user_agent: &str) -> u64 {
        let mut hasher = blake3::Hasher::new_keyed(&self.0);
        // The length first, so that no two different pairs hash the same bytes.
        hasher.update(&(address.len() as u64).to_le_bytes());
        hasher.update(address.as_bytes());
        hasher.update(user_agent.as_bytes());
        let hash = hasher.finalize();
        let mut first = [0; 8];
        first.copy_from_slice(&hash.as_bytes()[..8]);
        u64::from_le_bytes(first)
    }
}

/// The distinct visitors of one relic in one period, or of the whole site.
#[derive(Clone)]
pub struct Visitors {
    sketch: HyperLogLogPlus<BuildHasherDefault<std::hash::DefaultHasher>>,
}

impl Default for Visitors {
    fn default() -> Visitors {
        Visitors {
            // Only hashes made by `VisitorKey` go in, so the sketch's own hasher goes unused.
            sketch: HyperLogLogPlus::with_hasher(PRECISION, BuildHasherDefault::default()),
        }
    }
}

impl Visitors {
    pub fn insert(&mut self, visitor: u64) {
        self.sketch.insert_hash(visitor);
    }

    /// The estimated number of distinct visitors, rounded to the nearest whole one.
    ///
    /// Rounded rather than truncated: the sparse list's estimate for `n` hashes lands a hair
    /// either side of `n`, and truncating `0.9999…` would report 0 visitors for 1 scan.
    pub fn estimate(&mut self) -> u64 {
        let estimate = self.sketch.raw_count().round();
        if estimate.is_finite() && estimate > 0.0 {
            estimate as u64
        } else {
            0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> VisitorKey {
        VisitorKey::fixed([7; 32])
    }

    fn estimate(distinct: u64, repeats: u64) -> u64 {
        let key = key();
        let mut visitors = Visitors::default();
        for _ in 0..repeats {
            for n in 0..distinct {
                visitors.insert(key.visitor(
                    &format!("10.{}.{}.{}", n >> 16, (n >> 8) & 255, n & 255),
                    "Mozilla/5.0",
                ));
            }
        }
        visitors.estimate()
    }

    #[test]
    fn few_visitors_are_counted_exactly() {
        for distinct in [0, 1, 2, 3, 10, 57, 200, 1000] {
            assert_eq!(estimate(distinct, 3), distinct);
        }
    }

    #[test]
    fn ten_thousand_visitors_are_estimated_within_3_percent() {
        let estimate = estimate(10_000, 2) as f64;
        assert!((estimate - 10_000.0).abs() / 10_000.0 < 0.03, "{estimate}");
    }

    #[test]
    fn estimates_stay_close_where_the_sketch_changes_representation() {
        for distinct in [2_000, 4_000, 6_000, 8_000, 12_000, 20_000, 50_000] {
            let estimate = estimate(distinct, 1) as f64;
            let error = (estimate - distinct as f64).abs() / distinct as f64;
            assert!(error < 0.03, "{distinct}: {estimate}");
        }
    }

    #[test]
    fn the_same_visitor_hashes_the_same_and_keys_differ() {
        let key = key();
        assert_eq!(key.visitor("192.0.2.1", "A"), key.visitor("192.0.2.1", "A"));
        assert_ne!(key.visitor("192.0.2.1", "A"), key.visitor("192.0.2.1", "B"));
        assert_ne!(key.visitor("192.0.2.1", "A"), key.visitor("192.0.2.1A", ""));
        let other = VisitorKey::random().unwrap();
        assert_ne!(
            key.visitor("192.0.2.1", "A"),
            other.visitor("192.0.2.1", "A")
        );
    }
}
