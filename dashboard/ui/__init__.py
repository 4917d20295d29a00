"""What people see: the Streamlit views (`views`, `monitoring`), the map (`mapview`, `mapcomponent`), the admin
panel, escaping and safe links (`safe`), share links (`links`) and the assets served offline (`assets`).
The app itself is `dashboard/app.py`; the views only render what `dashboard.queries` asks of the store."""
