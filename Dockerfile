# Border Watch: the app, loading the seeds into an empty store. The store is BORDER_WATCH_DB: by default the
# SQLite file /app/data/border_watch.sqlite3 (mount a folder at /app/data to keep it), or a postgresql://
# URL (docker-compose.yml). See docs/deploy.md.
FROM python:3.12-slim
ENV PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_ROOT_USER_ACTION=ignore
WORKDIR /app
COPY requirements.txt pyproject.toml README.md ./
COPY dashboard ./dashboard
COPY geodata ./geodata
COPY seeds ./seeds
COPY .streamlit ./.streamlit
# requirements.txt installs the project itself ("."), as on Streamlit Community Cloud
RUN pip install --no-cache-dir -r requirements.txt && rm -rf build ./*.egg-info
EXPOSE 8501
# python:3.12-slim has no curl: the health check is Python's urllib
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://localhost:8501/_stcore/health', timeout=4).read()!=b'ok')"
ENTRYPOINT ["streamlit", "run", "dashboard/server.py", "--server.port=8501", "--server.address=0.0.0.0"]
