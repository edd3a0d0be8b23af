//! Peak memory and bytes read with a 64 MiB body, each tool in a fresh process.
//!
//! Without arguments (as `cargo bench -p masthead-benches --bench memory` and
//! `cargo test -p masthead-benches --benches` run it) this writes the reference
//! document with a 64 MiB body to a temporary file and runs itself once per tool on
//! it. Each child reports its peak resident set size (`VmHWM` of `/proc/self/status`)
//! before and after the work, and the bytes it read (`rchar` of `/proc/self/io`). The
//! parent prints the table and checks masthead's targets: splitting costs at most
//! 1 MiB more than reading the file alone (the `read` row: the same child, no split),
//! and `read_front_matter_path` reads at most 64 KiB. The resident set includes the
//! code pages each child touches, so "added" is an upper bound on the heap; it moves by
//! a few hundred KiB from run to run (page-ins, transparent huge pages), which is why
//! the split is measured against its own control rather than against the input size. Linux only: elsewhere it prints why it measured nothing.

mod common;

use std::io::Write as _;
use std::path::Path;
use std::process::Command;

use common::{baseline, run_peer, MIB, PEERS};

/// A counter of `/proc/self/<file>`, e.g. `("status", "VmHWM:")`.
fn proc_value(file: &str, key: &str) -> Option<u64> {
    let text = std::fs::read_to_string(format!("/proc/self/{file}")).ok()?;
    let line = text.lines().find(|l| l.starts_with(key))?;
    line[key.len()..].split_whitespace().next()?.parse().ok()
}

/// The child: runs `tool` on `path`, prints `tool input base_kib peak_kib read_bytes`.
fn child(tool: &str, path: &Path) {
    let base = proc_value("status", "VmHWM:").expect("VmHWM");
    let read0 = proc_value("io", "rchar:").expect("rchar");
    let read1 = proc_value("io", "rchar:").expect("rchar");
    let probe = read1 - read0; // what one read of /proc/self/io adds
    let ok = if tool == "masthead_header" {
        let header = masthead::read_front_matter_path(path).expect("reads");
        header.deserialize::<masthead::Release>().is_ok()
    } else {
        let src = std::fs::read_to_string(path).expect("reads");
        match tool {
            "read" => !src.is_empty(),
            "masthead_split" => masthead::split(&src).is_ok_and(|d| d.has_front_matter()),
            "masthead" => masthead::from_str::<masthead::Release>(&src).is_ok(),
            "baseline" => baseline::<masthead::Release>(&src).is_some(),
            peer => run_peer::<masthead::Release>(peer, &src).is_some(),
        }
    };
    let read2 = proc_value("io", "rchar:").expect("rchar");
    let peak = proc_value("status", "VmHWM:").expect("VmHWM");
    let input = std::fs::metadata(path).expect("metadata").len();
    println!(
        "{tool} {input} {base} {peak} {} {ok}",
        (read2 - read1).saturating_sub(probe)
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() == 4 && args[1] == "child" {
        child(&args[2], Path::new(&args[3]));
        return;
    }
    if proc_value("status", "VmHWM:").is_none() || proc_value("io", "rchar:").is_none() {
        println!("memory: /proc/self/status or /proc/self/io is missing: nothing measured");
        return;
    }
    let src = common::reference();
    let big = common::with_body(&src, 64 * MIB);
    let path = std::env::temp_dir().join(format!("masthead-memory-{}.md", std::process::id()));
    std::fs::File::create(&path)
        .and_then(|mut f| f.write_all(big.as_bytes()))
        .expect("writes the 64 MiB document");
    drop(big);
    let exe = std::env::current_exe().expect("current exe");
    let mut tools = vec![
        "read",
        "masthead_split",
        "masthead_header",
        "masthead",
        "baseline",
    ];
    tools.extend(PEERS.iter().map(|p| p.name));
    println!(
        "{:<22} {:>10} {:>12} {:>12} {:>12} {:>12} ok",
        "tool", "input", "base KiB", "peak KiB", "added KiB", "read bytes"
    );
    let mut failures = Vec::new();
    let mut read_added = None;
    for tool in tools {
        let out = Command::new(&exe)
            .args(["child", tool])
            .arg(&path)
            .output()
            .expect("runs the child");
        let text = String::from_utf8_lossy(&out.stdout);
        let fields: Vec<&str> = text.split_whitespace().collect();
        let [_, input, base, peak, read, ok] = fields[..] else {
            failures.push(format!(
                "{tool}: no result ({})",
                String::from_utf8_lossy(&out.stderr)
            ));
            continue;
        };
        let num = |s: &str| s.parse::<u64>().expect("a number");
        let (input, base, peak, read) = (num(input), num(base), num(peak), num(read));
        let added = peak.saturating_sub(base);
        println!("{tool:<22} {input:>10} {base:>12} {peak:>12} {added:>12} {read:>12} {ok}");
        let input_kib = input / 1024;
        match tool {
            "read" => read_added = Some(added),
            "masthead_split" if read_added.is_none_or(|r| added > r + 1024) => {
                failures.push(format!(
                    "{tool}: added {added} KiB > reading alone ({read_added:?} KiB, \
                     input {input_kib} KiB) + 1 MiB"
                ));
            }
            "masthead_header" if read > 64 * 1024 => {
                failures.push(format!("{tool}: read {read} bytes > 64 KiB"));
            }
            _ => {}
        }
    }
    let _ = std::fs::remove_file(&path);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
