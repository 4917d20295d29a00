"""What people see, one module per view: `headline`, `province`, `figures`, `meetings`, `ceasefire`, `events`
(one incident event, both sides' versions), `timeline`, `tracker`, `displacement`; the sidebar's controls and
links (`sidebar`, `links`), the map (`mapview`, `mapcomponent`), the admin token and panel (`admin`), what the
views share (`widgets`, `safe`), the one cache of answers shared between visitors (`cache`), and the files the
app serves (`assets`). The app itself is `dashboard/app.py`; the views only render what `dashboard.queries`
answers, asked through `cache`."""
