from vanban.cli import app

app()
