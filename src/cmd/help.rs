//! `--help`, `--version` and argument errors in the language of the run.
//!
//! clap builds the commands from the derive definitions; this module then
//! gives every command and option its text from the message catalogue
//! (the doc comments of the `Args` structs stay as documentation for
//! developers), replaces clap's English headings, "[default: …]" notes and
//! flags with catalogue messages, and explains argument errors in words.
//!
//! A new subcommand or option: add its line to [`about`] or [`arg_help`]
//! and its message to `src/i18n/{vi,en}/cli.ftl`; the test
//! `every_command_and_option_is_explained_in_both_languages` (in main.rs)
//! fails until both exist.

use clap::builder::PossibleValue;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};
use pbgdpl::i18n::Message;
use pbgdpl::msg;

/// What a (sub)command does; `None` for one this table does not know.
pub fn about(command: &str) -> Option<Message> {
    Some(match command {
        "pbgdpl" => msg!("help-pbgdpl"),
        "build" => msg!("help-build"),
        "check" => msg!("help-check"),
        "aggregate" => msg!("help-aggregate"),
        "init" => msg!("help-init"),
        "new" => msg!("help-new"),
        "import" => msg!("help-import"),
        "convert" => msg!("help-convert"),
        "serve" => msg!("help-serve"),
        _ => return None,
    })
}

/// What an option or argument of `command` means.
pub fn arg_help(command: &str, arg: &str) -> Option<Message> {
    Some(match (command, arg) {
        (_, "help") => msg!("help-flag-help"),
        (_, "version") => msg!("help-flag-version"),
        (_, "color") => msg!("help-arg-color"),
        (_, "lang") => msg!("help-arg-lang"),
        ("build" | "check" | "serve", "root") => msg!("help-arg-root"),
        ("build" | "check" | "serve", "drafts") => msg!("help-arg-drafts"),
        ("build" | "check" | "serve", "today") => msg!("help-arg-today"),
        ("build" | "check" | "serve", "offline") => msg!("help-arg-offline"),
        ("build", "out") => msg!("help-build-out"),
        ("build", "base_url") => msg!("help-build-base-url"),
        ("build", "previous") => msg!("help-build-previous"),
        ("build", "quiet") => msg!("help-build-quiet"),
        ("build" | "serve", "verbose") => msg!("help-build-verbose"),
        ("check", "format") => msg!("help-check-format"),
        ("check", "strict") => msg!("help-check-strict"),
        ("serve", "port") => msg!("help-serve-port"),
        ("serve", "bind") => msg!("help-serve-bind"),
        ("serve", "quiet") => msg!("help-serve-quiet"),
        ("aggregate", "sources") => msg!("help-aggregate-sources"),
        ("aggregate", "out") => msg!("help-aggregate-out"),
        ("aggregate", "state") => msg!("help-aggregate-state"),
        ("aggregate", "now") => msg!("help-aggregate-now"),
        ("aggregate", "force") => msg!("help-aggregate-force"),
        ("aggregate", "quiet") => msg!("help-aggregate-quiet"),
        ("init", "dir") => msg!("help-init-dir"),
        ("init", "agency") => msg!("help-init-agency"),
        ("init", "agency_url") => msg!("help-init-agency-url"),
        ("init", "province_name") => msg!("help-init-province-name"),
        ("init", "province_url") => msg!("help-init-province-url"),
        ("init", "base_url") => msg!("help-init-base-url"),
        ("new", "category") => msg!("help-new-category"),
        ("new", "title") => msg!("help-new-title"),
        ("new", "bundle") => msg!("help-new-bundle"),
        ("new" | "import", "root") => msg!("help-arg-root"),
        ("import", "file") => msg!("help-import-file"),
        ("import", "category") => msg!("help-import-category"),
        ("import", "name") => msg!("help-import-name"),
        ("import", "today") => msg!("help-import-today"),
        ("convert", "files") => msg!("help-convert-files"),
        ("convert", "from") => msg!("help-convert-from"),
        _ => return None,
    })
}

/// The placeholder of a value in usage lines (`--root <DIR>`).
fn value_name(name: &str) -> Message {
    match name {
        "DIR" => msg!("value-dir"),
        "FILE" => msg!("value-file"),
        "DATE" => msg!("value-date"),
        "TIME" => msg!("value-time"),
        "URL" => msg!("value-url"),
        "PATH|URL" => msg!("value-path-or-url"),
        "ADDRESS" => msg!("value-address"),
        "PORT" => msg!("value-port"),
        "NAME" => msg!("value-name"),
        "CATEGORY" => msg!("value-category"),
        "TITLE" => msg!("value-title"),
        "ENCODING" => msg!("value-encoding"),
        "FORMAT" => msg!("value-format"),
        "WHEN" | "COLOR" => msg!("value-when"),
        "LANG" => msg!("value-lang"),
        other => msg!("value-other", name = other),
    }
}

/// clap's own placeholder words in a rendered help or usage, in the
/// language of the run (`[OPTIONS]`).
pub fn words(text: &str) -> String {
    text.replace("[OPTIONS]", &format!("[{}]", msg!("value-options")))
}

fn str_of(m: Message) -> String {
    m.into_string()
}

/// Gives `command` (the whole tree) its texts in the language of the run.
pub fn localize(command: Command) -> Command {
    let command = command
        .disable_help_subcommand(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .global(true),
        )
        .disable_version_flag(true);
    localize_one(command, "pbgdpl")
}

fn localize_one(mut command: Command, name: &str) -> Command {
    let usage = msg!("help-usage");
    command = command
        .help_template(format!(
            "{{about-with-newline}}\n{usage} {{usage}}\n\n{{all-args}}{{after-help}}"
        ))
        .subcommand_help_heading(str_of(msg!("help-heading-commands")))
        .subcommand_value_name(str_of(msg!("value-command")))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help),
        );
    if let Some(about) = about(name) {
        command = command.about(str_of(about)).long_about(None);
    }
    // Aliases (`nhap`) are said in words, not under clap's "[aliases: …]".
    let aliases: Vec<String> = command.get_visible_aliases().map(str::to_string).collect();
    if !aliases.is_empty() {
        let about = command
            .get_about()
            .map(|a| a.to_string())
            .unwrap_or_default();
        let note = msg!("help-aliases", aliases = aliases.join(", "));
        command = command
            .visible_alias(None)
            .aliases(aliases)
            .about(format!("{about} {note}"));
    }
    let options = str_of(msg!("help-heading-options"));
    let arguments = str_of(msg!("help-heading-arguments"));
    let cmd_name = name.to_string();
    command = command.mut_args(|arg| localize_arg(arg, &cmd_name, &options, &arguments));
    let subcommands: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subcommands {
        command = command.mut_subcommand(&sub, |s| localize_one(s, &sub));
    }
    command
}

fn localize_arg(mut arg: Arg, command: &str, options: &str, arguments: &str) -> Arg {
    let id = arg.get_id().as_str().to_string();
    let mut text = arg_help(command, &id)
        .map(str_of)
        .unwrap_or_else(|| arg.get_help().map(|h| h.to_string()).unwrap_or_default());
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(PossibleValue::get_name)
        .map(str::to_string)
        .collect();
    let takes_values = arg.get_action().takes_values();
    if takes_values && !values.is_empty() && !arg.is_hide_possible_values_set() {
        text.push_str(&format!(
            " [{}]",
            msg!("help-values", values = values.join(", "))
        ));
        arg = arg.hide_possible_values(true);
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if takes_values && !defaults.is_empty() && !arg.is_hide_default_value_set() {
        text.push_str(&format!(
            " [{}]",
            msg!("help-default", value = defaults.join(", "))
        ));
        arg = arg.hide_default_value(true);
    }
    if let Some(env) = arg.get_env()
        && !arg.is_hide_env_set()
    {
        text.push_str(&format!(
            " [{}]",
            msg!("help-env", name = env.to_string_lossy().into_owned())
        ));
        arg = arg.hide_env(true);
    }
    if takes_values {
        let names: Vec<String> = match arg.get_value_names() {
            Some(names) => names.iter().map(|n| n.to_string()).collect(),
            None => vec![id.to_uppercase()],
        };
        let names: Vec<String> = names.iter().map(|n| str_of(value_name(n))).collect();
        arg = arg.value_names(names);
    }
    let heading = if arg.is_positional() {
        arguments
    } else {
        options
    };
    arg.help(text)
        .long_help(None)
        .help_heading(heading.to_string())
}

/// Explains an argument error in the language of the run: what is wrong
/// and, when clap has one, a suggestion.
pub fn explain(e: &clap::Error) -> Option<String> {
    let get = |kind: ContextKind| -> Option<String> {
        match e.get(kind)? {
            ContextValue::String(s) => Some(s.clone()),
            ContextValue::Strings(v) => Some(v.join(", ")),
            ContextValue::StyledStr(s) => Some(s.to_string()),
            ContextValue::StyledStrs(v) => Some(
                v.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            ContextValue::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let value = get(ContextKind::InvalidValue).unwrap_or_default();
    let message = match e.kind() {
        ErrorKind::InvalidValue => match get(ContextKind::ValidValue) {
            Some(valid) => msg!(
                "clap-invalid-value",
                value = value,
                arg = arg,
                valid = valid
            ),
            None => msg!("clap-empty-value", arg = arg),
        },
        ErrorKind::UnknownArgument => msg!("clap-unknown-argument", arg = arg),
        ErrorKind::InvalidSubcommand => msg!(
            "clap-unknown-command",
            command = get(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::NoEquals => msg!("clap-no-equals", arg = arg),
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e)
                .map(ToString::to_string)
                .unwrap_or_default();
            msg!("clap-bad-value", value = value, arg = arg, why = why)
        }
        ErrorKind::TooManyValues => msg!("clap-too-many-values", value = value, arg = arg),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            msg!("clap-wrong-number-of-values", arg = arg)
        }
        ErrorKind::ArgumentConflict => msg!(
            "clap-conflict",
            arg = arg,
            other = get(ContextKind::PriorArg).unwrap_or_default()
        ),
        ErrorKind::MissingRequiredArgument => msg!("clap-missing-argument", arg = arg),
        ErrorKind::MissingSubcommand => msg!("clap-missing-command"),
        ErrorKind::InvalidUtf8 => msg!("clap-invalid-utf8"),
        _ => return None,
    };
    let suggestion = get(ContextKind::SuggestedArg)
        .or_else(|| get(ContextKind::SuggestedSubcommand))
        .or_else(|| get(ContextKind::SuggestedValue));
    let mut out = message.into_string();
    if let Some(s) = suggestion {
        out.push_str(&format!(
            "\n  {}",
            msg!("clap-did-you-mean", suggestion = s)
        ));
    }
    Some(out)
}
