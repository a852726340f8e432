//! Test support: random texts for checking a hand-written matcher against the
//! regex it replaced (the regex is kept as the oracle).

/// `count` texts of up to `max_pieces` pieces, each followed by a separator,
/// drawn by a fixed-seed xorshift so every run sees the same texts.
pub fn random_texts<'a>(seed: u64, pieces: &'a [&'a str], seps: &'a [&'a str], max_pieces: usize, count: usize) -> impl Iterator<Item = String> + 'a {
    let mut state = seed;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    (0..count).map(move |_| {
        let mut s = String::new();
        for _ in 0..next(max_pieces) {
            s.push_str(pieces[next(pieces.len())]);
            s.push_str(seps[next(seps.len())]);
        }
        s
    })
}
