"""Legend labels for series picked by a glob: the matched key's display name, in ko and en."""

from __future__ import annotations

from qnai_desktop.core.series import SeriesMeta

#: key matched by a glob -> (ko, en). Brand names are kept in Latin script, as in the note.
DISPLAY_NAMES: dict[str, tuple[str, str]] = {
    "openai": ("OpenAI", "OpenAI"),
    "anthropic": ("Anthropic", "Anthropic"),
    "google": ("Google", "Google"),
    "xai": ("xAI", "xAI"),
    "deepseek": ("DeepSeek", "DeepSeek"),
    "qwen": ("Qwen", "Qwen"),
    "others": ("기타", "Others"),
    "chatgpt": ("ChatGPT", "ChatGPT"),
    "gemini": ("Gemini", "Gemini"),
    "claude": ("Claude", "Claude"),
    "copilot": ("Copilot", "Copilot"),
    "perplexity": ("Perplexity", "Perplexity"),
    "grok": ("Grok", "Grok"),
    "claude_code": ("Claude Code", "Claude Code"),
    "codex": ("Codex", "Codex"),
    "gemini_cli": ("Gemini CLI", "Gemini CLI"),
    "copilot_cli": ("Copilot CLI", "Copilot CLI"),
    "opencode": ("OpenCode", "OpenCode"),
    "qwen_code": ("Qwen Code", "Qwen Code"),
    "cline": ("Cline", "Cline"),
    "cursor_bg": ("Cursor (백그라운드)", "Cursor (background)"),
    "cursor_editor": ("Cursor (에디터)", "Cursor (editor)"),
    "jules": ("Jules", "Jules"),
    "devin": ("Devin", "Devin"),
    "aider": ("Aider", "Aider"),
    "amp": ("Amp", "Amp"),
    "windsurf": ("Windsurf", "Windsurf"),
    "junie": ("Junie", "Junie"),
    "amazonq": ("Amazon Q", "Amazon Q"),
    "total": ("전체", "Total"),
    "h100": ("H100", "H100"),
    "h200": ("H200", "H200"),
    "b200": ("B200", "B200"),
    "oracle_5y": ("Oracle 5Y", "Oracle 5Y"),
    "coreweave_5y": ("CoreWeave 5Y", "CoreWeave 5Y"),
    "frontier": ("최선단", "Frontier"),
    "near_frontier": ("차선단", "Near-frontier"),
    "mid": ("중간", "Mid"),
    "small": ("소형", "Small"),
}


def display_name(key: str, lang: str, meta: SeriesMeta | None = None) -> str:
    """Known name of ``key`` (or of its last known dotted part); else the series title; else key.

    ``agents.share.claude`` -> Claude, ``gpu_rent.b200.median`` -> B200.
    """
    for part in [key, *reversed(key.split("."))]:
        names = DISPLAY_NAMES.get(part)
        if names:
            return names[0] if lang == "ko" else names[1]
    if meta is not None:
        return meta.title(lang)
    return key
