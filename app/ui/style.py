"""The application's stylesheet: calm, readable, high contrast for errors."""

STYLESHEET = """
QLabel#screenTitle { font-size: 20px; font-weight: 600; margin: 12px; }
QLabel#fileHeader { font-size: 16px; font-weight: 600; }
QLabel#error { color: #b00020; }
QGroupBox { font-weight: 600; }
QPushButton { padding: 4px 12px; }
"""
