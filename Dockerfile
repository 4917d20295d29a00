# Border Watch: the app on the seeds (or on reports mounted at /data/reports; see README "Settings").
FROM python:3.12-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY dashboard ./dashboard
COPY geodata ./geodata
COPY seeds ./seeds
COPY .streamlit ./.streamlit
RUN pip install --no-cache-dir .
EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://localhost:8501/_stcore/health').read()!=b'ok')"
ENTRYPOINT ["streamlit", "run", "dashboard/app.py", "--server.port=8501", "--server.address=0.0.0.0"]
