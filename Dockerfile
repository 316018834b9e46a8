# A reproducible environment: `docker build -t mnist-diffusion . && docker run --rm mnist-diffusion make test`
FROM python:3.11-slim
RUN apt-get update && apt-get install -y --no-install-recommends make git npm && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
RUN make install && make data
CMD ["make", "run"]
